"""Child process for the crash test: edits as fast as it can, printing each edit once saved."""
import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from checklists.library import get_template
from inspection.store import open_store


def main(data_dir: str, inspection_id: str, run: int) -> None:
    store = open_store(data_dir, actor="crash-test")
    codes = [node.code for node in get_template("000").items()]
    print("ready", flush=True)
    for n in itertools.count():
        code = codes[n % len(codes)]
        if n % 3 == 2:
            finding = store.add_finding(inspection_id, "000", code,
                                        requirement=f"run{run}-{n}").finding
            print(f"finding {finding.id} run{run}-{n}", flush=True)
        else:
            store.save_answer(inspection_id, "000", code, result=("pass", "fail")[n % 2],
                              note=f"run{run}-{n}")
            print(f"answer {code} run{run}-{n}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
