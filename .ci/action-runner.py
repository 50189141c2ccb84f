#!/usr/bin/env python3
"""Runs a composite GitHub Action's steps the way GitHub's runner does, for .ci/run.

The inputs (given as --input NAME=VALUE, defaults from action.yml) are substituted into the
steps' ${{ }} expressions, each run: step gets its own GITHUB_OUTPUT and GITHUB_STEP_SUMMARY file
and runs under `bash --noprofile --norc -eo pipefail` in GITHUB_WORKSPACE with GITHUB_ACTION_PATH
set; outputs feed later steps (steps.ID.outputs.NAME) and the action's outputs. uses: steps
(setup-java, cache) cannot run here: they are skipped, their with: values evaluated and reported.
An expression or key this runner does not know is an error, not something to skip quietly.

Prints the steps' output as it comes; writes a JSON report (--report) with the exit status, the
action's outputs and the skipped uses: steps; exits with the status of the failing step, else 0.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
NAME = r"[A-Za-z_][A-Za-z0-9_-]*"
STEP_KEYS = {"name", "id", "uses", "with", "run", "shell", "env", "working-directory"}


def parse_outputs(path):
    """GITHUB_OUTPUT lines: NAME=VALUE, or NAME<<DELIMITER ... DELIMITER for several lines."""
    outputs = {}
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        heredoc = re.fullmatch(r"(%s)<<(.+)" % NAME, line)
        if heredoc:
            name, delimiter = heredoc.groups()
            end = lines.index(delimiter, i + 1)
            outputs[name] = "\n".join(lines[i + 1:end])
            i = end + 1
            continue
        if line:
            name, sep, value = line.partition("=")
            if not sep:
                raise SystemExit(f"action-runner: malformed GITHUB_OUTPUT line: {line!r}")
            outputs[name] = value
        i += 1
    return outputs


class Context:
    def __init__(self, inputs, action_path, workspace, temp):
        self.inputs = inputs
        self.steps = {}
        self.github = {"action_path": action_path, "workspace": workspace}
        self.runner = {"temp": temp, "os": "Linux"}

    def lookup(self, expression):
        m = re.fullmatch(r"inputs\.(%s)" % NAME, expression)
        if m:
            if m.group(1) not in self.inputs:
                raise SystemExit(f"action-runner: ${{{{ {expression} }}}}: no such input")
            return self.inputs[m.group(1)]
        m = re.fullmatch(r"steps\.(%s)\.outputs\.(%s)" % (NAME, NAME), expression)
        if m:
            if m.group(1) not in self.steps:
                raise SystemExit(f"action-runner: ${{{{ {expression} }}}}: no earlier step with that id")
            return self.steps[m.group(1)].get(m.group(2), "")
        m = re.fullmatch(r"(github|runner)\.(%s)" % NAME, expression)
        if m:
            table = self.github if m.group(1) == "github" else self.runner
            if m.group(2) in table:
                return table[m.group(2)]
        raise SystemExit(f"action-runner: unsupported expression ${{{{ {expression} }}}}")

    def evaluate(self, value):
        if value is None:
            return ""
        return EXPRESSION.sub(lambda m: self.lookup(m.group(1)), str(value))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action_dir")
    parser.add_argument("--workspace", required=True)
    parser.add_argument("--input", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--report", required=True)
    args = parser.parse_args()

    action_dir = os.path.abspath(args.action_dir)
    workspace = os.path.abspath(args.workspace)
    with open(os.path.join(action_dir, "action.yml"), encoding="utf-8") as f:
        action = yaml.safe_load(f)
    if action["runs"]["using"] != "composite":
        raise SystemExit("action-runner: only composite actions")

    declared = action.get("inputs") or {}
    inputs = {name: str(spec.get("default", "")) for name, spec in declared.items()}
    for given in args.input:
        name, _, value = given.partition("=")
        if name not in declared:
            raise SystemExit(f"action-runner: unexpected input '{name}' (action.yml declares {sorted(declared)})")
        inputs[name] = value

    temp = tempfile.mkdtemp(prefix="action-runner-")
    context = Context(inputs, action_dir, workspace, temp)
    base_env = dict(os.environ, GITHUB_ACTIONS="true", CI="true", GITHUB_WORKSPACE=workspace,
                    GITHUB_ACTION_PATH=action_dir, RUNNER_TEMP=temp, RUNNER_OS="Linux")
    report = {"status": 0, "skipped": [], "summary": ""}

    for index, step in enumerate(action["runs"]["steps"]):
        unknown = set(step) - STEP_KEYS
        if unknown:
            raise SystemExit(f"action-runner: step {index}: keys this runner does not handle: {sorted(unknown)}")
        label = step.get("name") or step.get("id") or f"step {index}"
        if "uses" in step:
            evaluated = {k: context.evaluate(v) for k, v in (step.get("with") or {}).items()}
            print(f"action-runner: skipping '{label}' (uses: {step['uses']}) with {evaluated}", flush=True)
            report["skipped"].append({"uses": step["uses"], "with": evaluated})
            continue
        if step.get("shell") != "bash":
            raise SystemExit(f"action-runner: '{label}': only shell: bash")
        output_file = os.path.join(temp, f"output-{index}")
        summary_file = os.path.join(temp, f"summary-{index}")
        script_file = os.path.join(temp, f"step-{index}.sh")
        for path in (output_file, summary_file):
            open(path, "w").close()
        with open(script_file, "w", encoding="utf-8") as f:
            f.write(context.evaluate(step["run"]))
        env = dict(base_env, GITHUB_OUTPUT=output_file, GITHUB_STEP_SUMMARY=summary_file)
        env.update({k: context.evaluate(v) for k, v in (step.get("env") or {}).items()})
        cwd = context.evaluate(step.get("working-directory")) or workspace
        print(f"action-runner: running '{label}'", flush=True)
        status = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script_file],
                                cwd=cwd, env=env).returncode
        if "id" in step:
            context.steps[step["id"]] = parse_outputs(output_file)
        with open(summary_file, encoding="utf-8") as f:
            report["summary"] += f.read()
        if status != 0:
            print(f"action-runner: '{label}' failed with exit status {status}", flush=True)
            report["status"] = status
            break

    report["outputs"] = {name: context.evaluate(spec.get("value"))
                         for name, spec in (action.get("outputs") or {}).items()}
    with open(args.report, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2)
    sys.exit(report["status"])


if __name__ == "__main__":
    main()
