#!/usr/bin/env python3
"""Sends several execute requests back to back to the registered tslab kernel with Jupyter's own
client (jupyter_client, as the Notebook server does for Run All) and prints, as JSON, every message
in the order it arrived: [channel, msg_type, index of the request it answers, execution_state].

    /usr/bin/python3 tests/notebook/clients/message_order.py [kernel_name] [cells]

Shell replies are read before iopub messages that are ready at the same moment. Shell and iopub are
separate sockets and the protocol orders messages within a channel only, so on a loaded machine a
reply the kernel sent just before the next cell's busy status can still arrive a moment after it.
"""
import json
import os
import sys
import time

import zmq

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "helpers"))
from tslab_client import start  # noqa: E402

kernel_name = sys.argv[1] if len(sys.argv) > 1 else "tslab"
n = int(sys.argv[2]) if len(sys.argv) > 2 else 4

km, kc = start(kernel_name)
try:
    # Each cell prints, works ~150 ms synchronously, then prints again.
    cells = []
    for i in range(n):
        body = f'console.log("cell {i} start"); const t{i} = Date.now(); while (Date.now() - t{i} < 150) {{}} console.log("cell {i} end");'
        cells.append(body)
    poller = zmq.Poller()
    poller.register(kc.shell_channel.socket, zmq.POLLIN)
    poller.register(kc.iopub_channel.socket, zmq.POLLIN)
    ids = [kc.execute(code) for code in cells]
    index = {mid: i for i, mid in enumerate(ids)}
    log = []
    replies = 0
    deadline = time.time() + 60
    idle = set()
    while (replies < len(ids) or len(idle) < len(ids)) and time.time() < deadline:
        ready = dict(poller.poll(5))
        while kc.shell_channel.socket in ready:
            m = kc.get_shell_msg(timeout=1)
            log.append(["shell", m["msg_type"], index.get(m["parent_header"].get("msg_id")), m["content"].get("status")])
            replies += 1
            ready = dict(poller.poll(0))
        if kc.iopub_channel.socket in ready:
            m = kc.get_iopub_msg(timeout=1)
            i = index.get(m["parent_header"].get("msg_id"))
            state = m["content"].get("execution_state")
            if m["msg_type"] == "status" and state == "idle" and i is not None:
                idle.add(i)
            log.append(["iopub", m["msg_type"], i, state])
    print(json.dumps(log))
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
