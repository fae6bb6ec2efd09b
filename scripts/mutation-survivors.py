#!/usr/bin/env python3
"""Lists the mutants of PIT's mutations.xml that no scenario killed, each with its verdict and reason.

    scripts/mutation-survivors.py runner/target/pit-reports/mutations.xml docs/mutation-reasons.tsv

The reasons file has one line per source line of the reference core that holds surviving mutants:
    <Class>:<line>  <TAB>  <verdict>  <TAB>  <reason>
where <Class> is the class name below chime.conformance.reference.core (e.g. channel.ChannelState), <line>
a line number or * for every line of the class, and
<verdict> is one of: equivalent, defensive, outside-contract, kit-decision, gap. A survivor whose line
has no entry is printed as UNEXPLAINED, and the script exits 1, so the list cannot silently go stale.
Prints Markdown: the score, then one table row per surviving mutant.
"""
import collections
import sys
import xml.etree.ElementTree as ET

PREFIX = "chime.conformance.reference.core."


def main(mutations_xml, reasons_tsv):
    root = ET.parse(mutations_xml).getroot()
    reasons = {}
    with open(reasons_tsv, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            key, verdict, reason = line.split("\t", 2)
            reasons[key] = (verdict, reason)
    counts = collections.Counter(m.get("status") for m in root)
    total = sum(counts.values())
    detected = counts["KILLED"] + counts["TIMED_OUT"] + counts["MEMORY_ERROR"] + counts["RUN_ERROR"]
    rows, unexplained = [], 0
    verdicts = collections.Counter()
    for m in root:
        status = m.get("status")
        if status not in ("SURVIVED", "NO_COVERAGE"):
            continue
        cls = m.findtext("mutatedClass").split("$")[0].replace(PREFIX, "")
        line = m.findtext("lineNumber")
        verdict, reason = reasons.get(f"{cls}:{line}") or reasons.get(f"{cls}:*") or ("UNEXPLAINED", "")
        if verdict == "UNEXPLAINED":
            unexplained += 1
        verdicts[verdict] += 1
        description = m.findtext("description").replace(" for " + PREFIX.replace(".", "/"), " for ").replace("|", "\\|")
        rows.append(f"| {cls}:{line} | `{m.findtext('mutatedMethod')}` | {description} | {status} | {verdict} | {reason} |")
    harness = {k[:-2] for k, (v, _) in reasons.items() if k.endswith(":*") and v == "harness"}
    api = [m for m in root if m.findtext("mutatedClass").split("$")[0].replace(PREFIX, "") not in harness]
    api_detected = sum(1 for m in api if m.get("status") in ("KILLED", "TIMED_OUT", "MEMORY_ERROR", "RUN_ERROR"))
    print(f"Mutants: {total}; detected {detected} (killed {counts['KILLED']}, timed out {counts['TIMED_OUT']}); "
          f"survived {counts['SURVIVED']}; not covered {counts['NO_COVERAGE']}.  ")
    print(f"Mutation score: {100 * detected / total:.1f}% ({detected}/{total}).  ")
    if api:
        print(f"Without the kit's harness classes inside the core ({', '.join(sorted(harness))}): "
              f"{100 * api_detected / len(api):.1f}% ({api_detected}/{len(api)}).  ")
    print("Surviving and uncovered mutants by verdict: "
          + ", ".join(f"{v} {n}" for v, n in sorted(verdicts.items())) + ".")
    print()
    print("| Where | Method | Mutation | Status | Verdict | Why |")
    print("|---|---|---|---|---|---|")
    print("\n".join(rows))
    return 1 if unexplained else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: scripts/mutation-survivors.py MUTATIONS_XML REASONS_TSV\n"
                 "  e.g. scripts/mutation-survivors.py runner/target/pit-reports/mutations.xml docs/mutation-reasons.tsv")
    sys.exit(main(sys.argv[1], sys.argv[2]))
