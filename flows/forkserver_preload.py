"""Imported by the forkserver when it starts (its only preload), and by nothing else.

Ties the forkserver to the process that started it (flows/deathsig.py) and records its
pid, which the workers it forks inherit and check.
"""

from __future__ import annotations

import os

from flows.deathsig import PARENT_ENV, die_with_parent

FORKSERVER_PID = os.getpid()
_parent = os.environ.pop(PARENT_ENV, "")  # popped: the workers forked from here must not see it
if _parent.isdigit():
    die_with_parent(int(_parent))
