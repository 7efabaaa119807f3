"""Train the Dutch Punkt model that mtqa ships in ``qa/data/tokenizers/punkt_tab/dutch``.

nltk has no offline Dutch ``punkt_tab`` data, so mtqa trains its own on the running text of the
bundled books plus a list of Dutch abbreviations, and writes the four ``punkt_tab`` files itself
(``save_punkt_params`` refuses folders outside nltk's data sandbox). Run it from the project root
after adding books to ``corpus/``:  python scripts/train_punkt.py
"""

import pathlib
import sys

from nltk.tabdata import TabEncoder
from nltk.tokenize.punkt import PunktTrainer

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.document import Document  # noqa: E402

DUTCH_ABBREVIATIONS = """
bijv bv d.w.z o.a m.b.t t.o.v ca mln mld mrd blz bl prof dr drs ir ing mr jan feb febr mrt apr
jun jul aug sep sept okt nov dec nr nrs vgl zgn z.g.a.s enz etc resp red ed m.i.v e.d i.p.v
i.v.m a.s t.a.v v.s m.u.v o.b.v p.p jl jr st ir dhr mevr mw ds b.v nv bv n.v vz incl excl
art lid par hfst pag p pp e.a m.n c.q d.i t.e.m t.m t/m z.o.z vs gem kgs km ha kg mm cm
""".split()


def main():
    texts = []
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        doc = Document(path.read_text(encoding="utf-8"), str(path))
        texts.append(" ".join(doc.body_text.split()))
    trainer = PunktTrainer()
    trainer.INCLUDE_ALL_COLLOCS = True
    trainer.train("\n".join(texts), finalize=True)
    params = trainer.get_params()
    params.abbrev_types |= {a.lower() for a in DUTCH_ABBREVIATIONS}
    # single capital letters are initials (B. Zalessky, Y.F. Nikitina), never sentence ends
    params.abbrev_types |= {chr(c) for c in range(ord("a"), ord("z") + 1)}
    out = ROOT / "qa" / "data" / "tokenizers" / "punkt_tab" / "dutch"
    out.mkdir(parents=True, exist_ok=True)
    enc = TabEncoder()
    (out / "collocations.tab").write_text(enc.tups2tab(params.collocations), encoding="utf-8")
    (out / "sent_starters.txt").write_text(enc.set2txt(params.sent_starters), encoding="utf-8")
    (out / "abbrev_types.txt").write_text(enc.set2txt(params.abbrev_types), encoding="utf-8")
    (out / "ortho_context.tab").write_text(enc.ivdict2tab(params.ortho_context), encoding="utf-8")
    print(f"wrote {out} ({len(params.abbrev_types)} abbreviations)")


if __name__ == "__main__":
    main()
