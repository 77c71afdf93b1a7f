"""Summarises a schemathesis NDJSON report: requests sent, responses by status class, and, for
generated requests the schema allows (positive mode) that the server refused with 422, the
fields and codes it named, by operation. What is left there is where the document and the
validators still disagree.

Usage: python3 fuzz/refusals.py fuzz/report/ndjson-….ndjson
"""

import base64
import collections
import json
import sys


def main() -> None:
    statuses: collections.Counter = collections.Counter()
    operations = set()
    positive = 0
    refused: dict = collections.defaultdict(collections.Counter)
    for line in open(sys.argv[1], encoding="utf-8"):
        event = json.loads(line)
        finished = event.get("ScenarioFinished")
        if not finished:
            continue
        recorder = finished["recorder"]
        operations.add(recorder["label"])
        for case_id, interaction in recorder.get("interactions", {}).items():
            response = interaction.get("response") or {}
            status = response.get("status_code")
            statuses[f"{status // 100}xx" if status else "none"] += 1
            case = recorder["cases"].get(case_id, {}).get("value", {})
            if case.get("meta", {}).get("generation", {}).get("mode") != "positive":
                continue
            positive += 1
            if status != 422:
                continue
            try:
                body = json.loads(base64.b64decode(response["content"]["$base64"]))
            except (KeyError, ValueError):
                body = {}
            for error in body.get("errors") or [{"field": "?", "code": body.get("code")}]:
                refused[recorder["label"]][f"{error.get('field')}: {error.get('code')}"] += 1
    total = sum(statuses.values())
    print(f"operations: {len(operations)}, requests: {total}, by status: {dict(statuses)}")
    count = sum(sum(c.values()) for c in refused.values())
    print(f"schema-valid requests: {positive}, refused with 422: {count}")
    for label, reasons in sorted(refused.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"  {label}: " + ", ".join(f"{r} ×{n}" for r, n in reasons.most_common(6)))


if __name__ == "__main__":
    main()
