#!/usr/bin/env python3
"""Checks SARIF files against what GitHub code scanning documents that it reads and accepts
(docs/facts.md#github-code-scanning), without uploading anything.

Usage: sarif-check.py REPO_ROOT EXIT_STATUS FILE...

REPO_ROOT is the repository the reports describe: every relative artifact URI must name a file
under it, through %SRCROOT%. EXIT_STATUS is the status the scan exited with, which the report's
invocation must record. With several files, they must report the same results at the same
repository-relative locations (the same scan, run from different folders).
"""
import gzip
import json
import os
import re
import sys
from urllib.parse import unquote, urlparse

# GitHub's documented limits: "SARIF results exceed one or more limits" (results, rules, runs,
# locations, tags) and "SARIF file is too large" (10 MB, gzip-compressed).
MAX_RUNS = 20
MAX_RESULTS = 25_000
MAX_RULES = 25_000
MAX_LOCATIONS = 10  # result.locations, "SARIF support for code scanning"
MAX_RELATED_STORED = 100  # related locations kept per result (1,000 are rejected)
MAX_TAGS_SHOWN = 10  # tags per rule shown (20 are rejected)
MAX_FULL_DESCRIPTION = 1000
MAX_GZIP_BYTES = 10 * 1024 * 1024
PRECISIONS = {"very-high", "high", "medium", "low"}
PROBLEM_SEVERITIES = {"error", "warning", "recommendation"}
SEMVER = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?")
LINK = re.compile(r"(?<!\\)\]\((\d+)\)")

# Credential shapes as secret scanners match them (the test suite's CredentialShapes holds the same
# list): rule help is published, and must not look like a leak to them.
CREDENTIAL_SHAPES = [re.compile(p) for p in (
    r"\b(AKIA|ASIA|AGPA|AIDA|AROA)[A-Z0-9]{16}\b",
    r"\bgh[pousr]_[A-Za-z0-9]{36}\b",
    r"\bgithub_pat_[A-Za-z0-9_]{60,}",
    r"\bglpat-[A-Za-z0-9_-]{20}",
    r"\bxox[abposr]-[A-Za-z0-9-]{10,}",
    r"\b[sr]k_(live|test)_[A-Za-z0-9]{20,}",
    r"\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}",
    r"\bAIza[A-Za-z0-9_-]{35}",
    r"\bnpm_[A-Za-z0-9]{36}",
    r"hooks\.slack\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]+",
    r"-----BEGIN[A-Z ]*PRIVATE KEY-----[\s\\n]*[A-Za-z0-9+/=]{40,}",
    r"\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}",
    r"[a-z][a-z0-9+.-]*://[^\s/:@${}]+:[^\s/@${}…]{3,}@[A-Za-z]",
)]

problems = []


def check(condition, where, what):
    if not condition:
        problems.append(f"{where}: {what}")
    return condition


def credential_shapes(text):
    return [m.group() for p in CREDENTIAL_SHAPES for m in p.finditer(text)
            if not m.group().endswith("EXAMPLE")]


def check_rule(rule, where, home, repo):
    rid = rule.get("id")
    where = f"{where} rule {rid}"
    check(rid, where, "no id")
    check(rule.get("shortDescription", {}).get("text"), where, "no shortDescription.text")
    full = rule.get("fullDescription", {}).get("text", "")
    check(full, where, "no fullDescription.text")
    check(len(full) <= MAX_FULL_DESCRIPTION, where,
          f"fullDescription has {len(full)} characters, code scanning shows {MAX_FULL_DESCRIPTION}")
    help_ = rule.get("help", {})
    check(help_.get("text"), where, "no help.text")
    for text in (help_.get("text", ""), help_.get("markdown", "")):
        shapes = credential_shapes(text)
        check(not shapes, where, f"help holds what secret scanners flag: {shapes}")
    props = rule.get("properties", {})
    check(props.get("precision") in PRECISIONS, where, f"precision {props.get('precision')!r}")
    tags = props.get("tags", [])
    check(len(tags) <= MAX_TAGS_SHOWN, where, f"{len(tags)} tags, code scanning shows {MAX_TAGS_SHOWN}")
    severity = props.get("security-severity")
    if "security" in tags:
        if check(isinstance(severity, str), where, "security rule without a security-severity string"):
            check(0.0 <= float(severity) <= 10.0, where, f"security-severity {severity}")
    else:
        check(severity is None, where, "security-severity on a rule without the security tag")
        check(props.get("problem.severity") in PROBLEM_SEVERITIES, where,
              f"problem.severity {props.get('problem.severity')!r}")
    uri = rule.get("helpUri")
    if uri is not None and check(uri.startswith(home + "/blob/main/"), where,
                                 f"helpUri {uri} is not a page of {home}"):
        page = uri[len(home + "/blob/main/"):]
        check(os.path.isfile(os.path.join(repo, page)), where, f"helpUri names {page}, not in the repository")


def resolve(location, bases, repo, where):
    """The repository-relative path of a location, after checking it against %SRCROOT%."""
    artifact = location.get("physicalLocation", {}).get("artifactLocation", {})
    uri, base = artifact.get("uri", ""), artifact.get("uriBaseId")
    if not check(base == "%SRCROOT%", where, f"uri {uri} has uriBaseId {base!r}, not %SRCROOT%"):
        return uri
    check(not urlparse(uri).scheme and not uri.startswith("/"), where, f"uri {uri} is not relative")
    path = unquote(uri)
    check(os.path.isfile(os.path.join(bases["%SRCROOT%"], path)), where, f"{path} is not under %SRCROOT%")
    check(os.path.isfile(os.path.join(repo, path)), where, f"{path} is not relative to the repository root")
    region = location.get("physicalLocation", {}).get("region", {})
    for key in ("startLine", "startColumn", "endLine", "endColumn"):
        check(isinstance(region.get(key), int), where, f"region without {key}")
    return path


def check_result(result, index, rules, bases, repo, where):
    where = f"{where} result {index} ({result.get('ruleId')})"
    rule_index = result.get("ruleIndex")
    check(rule_index is not None and rules[rule_index].get("id") == result.get("ruleId"), where,
          "ruleIndex does not point at its ruleId")
    message = result.get("message", {}).get("text", "")
    check(message, where, "no message.text")
    check(result.get("partialFingerprints"), where, "no partialFingerprints")
    locations = result.get("locations", [])
    check(1 <= len(locations) <= MAX_LOCATIONS, where, f"{len(locations)} locations")
    paths = [resolve(location, bases, repo, where) for location in locations[:1]]
    related = result.get("relatedLocations", [])
    check(len(related) <= MAX_RELATED_STORED, where, f"{len(related)} related locations")
    ids = [r.get("id") for r in related]
    check(len(set(ids)) == len(ids), where, "related location ids repeat")
    check(sorted(int(i) for i in LINK.findall(message)) == sorted(ids), where,
          f"message links {LINK.findall(message)} do not match related locations {ids}")
    paths += [resolve(r, bases, repo, where) for r in related]
    region = locations[0].get("physicalLocation", {}).get("region", {}) if locations else {}
    return (result.get("ruleId"), tuple(paths), region.get("startLine"), region.get("startColumn"))


def check_file(name, repo, exit_status, home):
    with open(name, "rb") as f:
        raw = f.read()
    check(len(gzip.compress(raw)) <= MAX_GZIP_BYTES, name, "over 10 MB compressed")
    log = json.loads(raw)
    check(log.get("version") == "2.1.0", name, "version is not 2.1.0")
    check(log.get("$schema"), name, "no $schema")
    runs = log.get("runs", [])
    check(1 <= len(runs) <= MAX_RUNS, name, f"{len(runs)} runs")
    seen = []
    for n, run in enumerate(runs):
        where = f"{name} run {n}"
        driver = run.get("tool", {}).get("driver", {})
        check(driver.get("name") == "cfn-secrets", where, "tool.driver.name")
        check(SEMVER.fullmatch(driver.get("semanticVersion", "")), where,
              f"semanticVersion {driver.get('semanticVersion')!r} is not Semantic Versioning 2.0")
        category = run.get("automationDetails", {}).get("id", "")
        check("/" in category and category.rsplit("/", 1)[0], where,
              f"automationDetails.id {category!r} names no category")
        invocations = run.get("invocations", [])
        if check(len(invocations) == 1, where, "not one invocation"):
            check(invocations[0].get("exitCode") == exit_status, where,
                  f"exitCode {invocations[0].get('exitCode')}, the scan exited with {exit_status}")
            check(invocations[0].get("executionSuccessful") is True, where, "executionSuccessful")
        bases = {k: v.get("uri", "") for k, v in run.get("originalUriBaseIds", {}).items()}
        root = bases.get("%SRCROOT%", "")
        check(root.startswith("file:") and root.endswith("/"), where, f"%SRCROOT% is {root!r}")
        bases["%SRCROOT%"] = unquote(urlparse(root).path)
        rules = driver.get("rules", [])
        check(len(rules) <= MAX_RULES, where, f"{len(rules)} rules")
        for rule in rules:
            check_rule(rule, where, home, repo)
        results = run.get("results", [])
        check(len(results) <= MAX_RESULTS, where, f"{len(results)} results")
        seen += [check_result(r, i, rules, bases, repo, where) for i, r in enumerate(results)]
    return sorted(seen, key=repr)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    repo, exit_status, files = os.path.realpath(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    with open(os.path.join(repo, "pom.xml"), encoding="utf-8") as f:
        home = re.search(r"<url>([^<]+)</url>", f.read()).group(1)
    reported = [check_file(name, repo, exit_status, home) for name in files]
    check(reported[0], files[0], "no results: nothing was checked")
    for name, other in zip(files[1:], reported[1:]):
        check(other == reported[0], name, f"reports other results or locations than {files[0]}")
    for problem in problems[:50]:
        print(f"sarif-check: {problem}", file=sys.stderr)
    if problems:
        sys.exit(f"sarif-check: {len(problems)} problems")
    print(f"sarif-check: {', '.join(files)}: {len(reported[0])} results fit GitHub code scanning")


if __name__ == "__main__":
    main()
