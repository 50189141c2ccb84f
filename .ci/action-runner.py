#!/usr/bin/env python3
"""Runs a composite GitHub Action's steps the way GitHub's runner does, for .ci/run.

The inputs (given as --input NAME=VALUE, defaults from action.yml) are substituted into the
steps' ${{ }} expressions, each run: step gets its own GITHUB_OUTPUT, GITHUB_ENV and
GITHUB_STEP_SUMMARY file and runs under `bash --noprofile --norc -eo pipefail` in GITHUB_WORKSPACE
with GITHUB_ACTION_PATH set; outputs feed later steps (steps.ID.outputs.NAME) and the action's
outputs, GITHUB_ENV entries the environment of later steps. A step's if: may compare two operands
(an expression as above or a quoted string) with ==; a step whose condition is false does not run
and has no outputs. uses: steps (setup-java, cache) cannot run here: they are skipped, their
with: values evaluated and reported, and their outputs are those given as --uses-output
ID.NAME=VALUE (none by default). An expression or key this runner does not know is an error, not
something to skip quietly.

Prints the steps' output as it comes; writes a JSON report (--report) with the exit status, the
action's outputs, the skipped uses: steps, the steps whose if: was false (not_run) and what the
steps wrote to GITHUB_ENV (env); exits with the status of the failing step, else 0.
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
STEP_KEYS = {"name", "id", "if", "uses", "with", "run", "shell", "env", "working-directory"}
CONDITION = re.compile(r"(.+?)\s*==\s*(.+)")
STRING = re.compile(r"'((?:[^']|'')*)'")


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

    def condition(self, text):
        """An if: (with or without ${{ }}): OPERAND == OPERAND."""
        whole = EXPRESSION.fullmatch(text.strip())
        expression = whole.group(1) if whole else text.strip()
        m = CONDITION.fullmatch(expression)
        if not m:
            raise SystemExit(f"action-runner: unsupported condition if: {text}")
        return self.operand(m.group(1)) == self.operand(m.group(2))

    def operand(self, text):
        literal = STRING.fullmatch(text.strip())
        return literal.group(1).replace("''", "'") if literal else self.lookup(text.strip())

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
    parser.add_argument("--uses-output", action="append", default=[], metavar="ID.NAME=VALUE")
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

    uses_outputs = {}
    for given in args.uses_output:
        name, sep, value = given.partition("=")
        step_id, dot, output = name.partition(".")
        if not sep or not dot or not any(s.get("id") == step_id and "uses" in s for s in action["runs"]["steps"]):
            raise SystemExit(f"action-runner: --uses-output {given!r}: no uses: step with that id")
        uses_outputs.setdefault(step_id, {})[output] = value

    temp = tempfile.mkdtemp(prefix="action-runner-")
    context = Context(inputs, action_dir, workspace, temp)
    base_env = dict(os.environ, GITHUB_ACTIONS="true", CI="true", GITHUB_WORKSPACE=workspace,
                    GITHUB_ACTION_PATH=action_dir, RUNNER_TEMP=temp, RUNNER_OS="Linux")
    report = {"status": 0, "skipped": [], "not_run": [], "env": {}, "summary": ""}

    for index, step in enumerate(action["runs"]["steps"]):
        unknown = set(step) - STEP_KEYS
        if unknown:
            raise SystemExit(f"action-runner: step {index}: keys this runner does not handle: {sorted(unknown)}")
        label = step.get("name") or step.get("id") or f"step {index}"
        if "if" in step and not context.condition(str(step["if"])):
            print(f"action-runner: not running '{label}' (if: {step['if']})", flush=True)
            report["not_run"].append(label)
            if "id" in step:
                context.steps[step["id"]] = {}
            continue
        if "uses" in step:
            evaluated = {k: context.evaluate(v) for k, v in (step.get("with") or {}).items()}
            print(f"action-runner: skipping '{label}' (uses: {step['uses']}) with {evaluated}", flush=True)
            report["skipped"].append({"uses": step["uses"], "with": evaluated})
            if "id" in step:
                context.steps[step["id"]] = uses_outputs.get(step["id"], {})
            continue
        if step.get("shell") != "bash":
            raise SystemExit(f"action-runner: '{label}': only shell: bash")
        output_file = os.path.join(temp, f"output-{index}")
        env_file = os.path.join(temp, f"env-{index}")
        summary_file = os.path.join(temp, f"summary-{index}")
        script_file = os.path.join(temp, f"step-{index}.sh")
        for path in (output_file, env_file, summary_file):
            open(path, "w").close()
        with open(script_file, "w", encoding="utf-8") as f:
            f.write(context.evaluate(step["run"]))
        env = dict(base_env, GITHUB_OUTPUT=output_file, GITHUB_ENV=env_file, GITHUB_STEP_SUMMARY=summary_file)
        env.update({k: context.evaluate(v) for k, v in (step.get("env") or {}).items()})
        cwd = context.evaluate(step.get("working-directory")) or workspace
        print(f"action-runner: running '{label}'", flush=True)
        status = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script_file],
                                cwd=cwd, env=env).returncode
        if "id" in step:
            context.steps[step["id"]] = parse_outputs(output_file)
        # The job's environment for the later steps (GITHUB_ENV uses GITHUB_OUTPUT's format).
        exported = parse_outputs(env_file)
        base_env.update(exported)
        report["env"].update(exported)
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
