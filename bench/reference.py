"""The reference a user would write instead of mtqa: one ``re`` alternation of 50 literal and
regex patterns scanning the whole file. The benchmark times it as a whole process, like mtqa."""

import re
import sys

LITERALS = [
    "belta.door", "gov.door", "MAAR", "HET-bedrijven", "Europese Unie", "Belgische", "Belgisch",
    "[Electronic resource]", "[Electron resource]", "Elektronische bron", "Elektronische middelen",
    "Universal Commodity Exchange", "Industrial Park", "State University", "District", "Street",
    "bewoners", "inwoners", "uitwisseling", "ruilhandel", "exportgemeenschap", "Belt and Way",
    "Grote Steen", "Velikiy Kamen", "Hrodna", "Kazakstan", "Baranavi", "hoofdstad", "CIS-",
    "FTZ", "anticovalent", "eerlijke activiteiten", "Wit-Russisch-Turkse", "BUOTB", "< ... >",
]
REGEXES = [
    r"\b\w+\.(?:door|bij|naar|het|ons)\b", r"- –", r"\ufffd+", r"\b\d{5}\b", r"[a-z]\d{1,3}[A-Z]",
    r"\d{1,3}[a-z]{2,}", r"\"\s\d{1,3}\b", r"\d \.", r"//\s*//", r"\bEU\b", r"\bEU-\w+",
    r"\b(\w+) \1\b", r"https?://\S+", r"[\x00-\x08\x0b\x0e-\x1f]", r"\bC\. \d+",
]
PATTERN = re.compile("|".join([*map(re.escape, LITERALS), *REGEXES]))
assert len(LITERALS) + len(REGEXES) == 50

text = open(sys.argv[1], encoding="utf-8").read()
print(sum(1 for _ in PATTERN.finditer(text)))
