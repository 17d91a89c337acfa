"""`python -m bench.child module:function JSON_KWARGS`: run one measuring function in a
fresh process and print its result as the last line (see `Context.run_in_child`)."""

from __future__ import annotations

import importlib
import json
import sys
import traceback
from typing import Any

from bench.context import CHILD_RESULT_PREFIX
from bench.registry import NotAvailable


def _payload(result: object) -> dict[str, Any]:
    if isinstance(result, dict):
        return {
            "samples": [float(x) for x in result["samples"]],
            "extra": result.get("extra", {}),
        }
    if isinstance(result, list | tuple):
        return {"samples": [float(x) for x in result]}
    raise TypeError(f"expected a list of samples or a dict, got {type(result).__name__}")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or ":" not in args[0]:
        print("usage: python -m bench.child module:function JSON_KWARGS", file=sys.stderr)
        return 2
    module_name, function_name = args[0].split(":", 1)
    code = 0
    try:
        function = getattr(importlib.import_module(module_name), function_name)
        payload = _payload(function(**json.loads(args[1])))
    except NotAvailable as exc:
        payload = {"not_available": exc.reason}
    except Exception as exc:
        traceback.print_exc()
        payload = {"error": f"{type(exc).__name__}: {exc}"}
        code = 1
    print(CHILD_RESULT_PREFIX + json.dumps(payload, ensure_ascii=False), flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
