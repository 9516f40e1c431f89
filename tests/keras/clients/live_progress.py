#!/usr/bin/env python3
"""Runs one keras fit in the registered tslab kernel with Jupyter's own client and prints, as JSON,
every display message of that cell as it arrived: [seconds since the request, msg_type,
display_id, first line of text/plain], then ["reply", seconds].

    /usr/bin/python3 tests/keras/clients/live_progress.py [kernel_name]

A live display sends display_data at the start of training and update_display_data while it runs,
well before the reply; a display that only updates once the cell ends would arrive all at once.
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "helpers"))
from tslab_client import start  # noqa: E402

kernel_name = sys.argv[1] if len(sys.argv) > 1 else "tslab"
code = """
import { np, keras, datasets } from "nnlab";
const [[xtr, ytr]] = datasets.load_mnist();
const x = xtr.slice(":3000").astype("float64").divide(255);
const y = keras.utils.to_categorical(ytr.slice(":3000"), 10);
np.random.seed(0);
const model = keras.Sequential([keras.layers.Flatten({ input_shape: [28, 28] }), keras.layers.Dense(64, { activation: "relu" }), keras.layers.Dense(10, { activation: "softmax" })]);
model.compile({ loss: "categorical_crossentropy", optimizer: "adam", metrics: ["accuracy"] });
await model.fit(x, y, { epochs: 3, batch_size: 16 });
"""
km, kc = start(kernel_name)
try:
    t0 = time.time()
    msg_id = kc.execute(code)
    events = []
    while True:
        msg = kc.get_iopub_msg(timeout=120)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["header"]["msg_type"]
        if kind in ("display_data", "update_display_data"):
            text = msg["content"]["data"].get("text/plain", "")
            events.append([round(time.time() - t0, 3), kind, msg["content"].get("transient", {}).get("display_id"), text.split("\n")[-1][:80]])
        if kind == "stream" and msg["content"]["name"] == "stderr":
            events.append([round(time.time() - t0, 3), "stderr", None, msg["content"]["text"][:200]])
        if kind == "status" and msg["content"]["execution_state"] == "idle":
            break
    while True:
        reply = kc.get_shell_msg(timeout=10)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    events.append(["reply", round(time.time() - t0, 3), reply["content"]["status"]])
    print(json.dumps(events))
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
