"""Scores an ONNX classifier with onnxruntime (Python) on the first N images of a Fashion-MNIST IDX pair.

usage: score_onnx.py MODEL.onnx IMAGES.gz LABELS.gz N  -> prints "accuracy <value>"
Pixels are scaled to [0, 1] and flattened, as Compressweep feeds them.
"""
import gzip
import sys

import numpy as np
import onnxruntime as ort

model, images_file, labels_file, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
with gzip.open(images_file) as f:
    images = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 784)[:n].astype(np.float32) / 255.0
with gzip.open(labels_file) as f:
    labels = np.frombuffer(f.read(), dtype=np.uint8, offset=8)[:n]
session = ort.InferenceSession(model, providers=["CPUExecutionProvider"])
logits = session.run(None, {session.get_inputs()[0].name: images})[0]
print("accuracy %.10f" % float(np.mean(np.argmax(logits, axis=1) == labels)))
