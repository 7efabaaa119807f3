"""``--format json``: the contract of SPEC.md, one document for the whole run.

Beyond the fields of SPEC.md's first version, each file carries ``mqm`` (book score), each
chapter its own ``mqm``, each issue its ``context_hash``, and each file the counts of accepted and
baselined findings and its unused ``[[accept]]`` entries (SPEC.md, "Additions").
"""

from __future__ import annotations

import json

from qa import mqm
from qa.reports.base import Formatter


def file_dict(result, threshold: float = mqm.THRESHOLD) -> dict:
    """One book's entry of ``files[]``: SPEC.md's fields and its additions."""
    d = result.to_dict()
    if not result.error:
        scores = mqm.for_file(result, threshold)
        for ch in d["chapters"]:
            ch["mqm"] = scores["chapters"][ch["index"]]
        d["mqm"] = {**scores["book"], "front_matter": scores["front_matter"],
                    "signature": scores["signature"]}
        d["accepted"] = result.accepted
        d["baselined"] = result.baselined
        d["unused_accepts"] = result.unused_accepts
    return d


class JsonFormatter(Formatter):
    def start(self) -> None:
        self.files = []
        self.threshold = self.options.get("mqm_threshold", mqm.THRESHOLD)

    def handle(self, result) -> None:
        self.files.append(file_dict(result, self.threshold))

    def stop(self) -> None:
        doc = {"version": 1, "files": self.files}
        baseline = self.options.get("baseline")
        if baseline is not None:
            doc["baseline"] = baseline
        json.dump(doc, self.stream, ensure_ascii=False, indent=2)
        self.write("\n")
