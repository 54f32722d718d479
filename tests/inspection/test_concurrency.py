"""The program and the command line write the same data folder at the same moment: both succeed."""
import threading

from inspection.store import open_store

EDITS = 60


def test_two_stores_writing_at_once_both_succeed(tmp_path):
    root = tmp_path / "data"
    with open_store(root, actor="张三") as store:
        park = store.add_park("星河园", "manufacturing")
        ids = [store.new_inspection(park.id, ["000"], inspectors=["张三"]).id for _ in range(2)]
    start = threading.Barrier(2)
    errors = []

    def write(inspection_id, result):
        try:
            with open_store(root, actor=result) as store:  # a Store belongs to its thread
                start.wait()
                for n in range(EDITS):
                    store.save_answer(inspection_id, "000", "1-1-1", result=result, note=str(n))
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(iid, result))
               for iid, result in zip(ids, ["pass", "fail"])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with open_store(root) as store:
        assert [store.answer(iid, "000", "1-1-1").note for iid in ids] == [str(EDITS - 1)] * 2
        assert store.check().ok  # the audit chain stayed one chain
        assert len(store.audit_entries()) == 3 + 2 * EDITS


def test_edits_nest(store, inspection):
    with store._edit("outer", entity="test", entity_id=1):
        store.save_answer(inspection.id, "000", "1-1-1", result="pass")
    assert store.answer(inspection.id, "000", "1-1-1").result == "pass"


def test_a_failed_nested_edit_undoes_only_itself(store, inspection):
    with store._edit("outer", entity="test", entity_id=1):
        store.save_answer(inspection.id, "000", "1-1-1", result="pass")
        try:
            with store._edit("inner", entity="test", entity_id=2):
                store.db.execute("DELETE FROM answers")
                raise RuntimeError("stop")
        except RuntimeError:
            pass
    assert store.answer(inspection.id, "000", "1-1-1").result == "pass"
    assert [e["action"] for e in store.audit_entries()][-2:] == ["answer", "outer"]
