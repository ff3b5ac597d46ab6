"""Compares a model folder written in Java with the one mlflow.onnx.save_model writes for the same ONNX file.

usage: compare_with_save_model.py JAVA_FOLDER ONNX_FILE REFERENCE_FOLDER

The reference is saved as the Java writer means to save: the signature is the ONNX graph's one input and one
output (float32, dynamic batch), the input example is the Java folder's example rows, the execution provider
is the CPU's, and the ONNX file stays one file. Every key of MLmodel must match except the model's id, its
creation time and its size (the Java side writes its own JSON); the example, requirements and environment
files must mean the same, except that the Java side leaves the build tools (pip, setuptools, wheel)
unpinned. Exits 1 and prints the differences when they do not.
"""
import json
import os
import sys

import mlflow.onnx
import numpy as np
import onnx
import yaml
from mlflow.models import ModelSignature
from mlflow.types import Schema, TensorSpec

java, onnx_file, reference = sys.argv[1:4]


def tensor(value_info):
    dims = [d.dim_value if d.HasField("dim_value") else -1 for d in value_info.type.tensor_type.shape.dim]
    return Schema([TensorSpec(np.dtype(np.float32), tuple(dims), value_info.name)])


def read(folder, name):
    with open(os.path.join(folder, name)) as f:
        return yaml.safe_load(f) if name.endswith((".yaml", "MLmodel")) else f.read()


def without_versions(packages):
    return [p.split("==")[0].split("<=")[0] if isinstance(p, str) else p for p in packages]


graph = onnx.load(onnx_file).graph
example = np.asarray(json.loads(read(java, "input_example.json")), dtype=np.float32)
mlflow.onnx.save_model(
    onnx.load(onnx_file),
    reference,
    signature=ModelSignature(tensor(graph.input[0]), tensor(graph.output[0])),
    input_example=example,
    onnx_execution_providers=["CPUExecutionProvider"],
    save_as_external_data=False,
)

differences = []


def expect(what, ours, theirs):
    if ours != theirs:
        differences.append(f"{what}:\n  java:      {ours}\n  save_model: {theirs}")


mlmodels = [read(folder, "MLmodel") for folder in (java, reference)]
for mlmodel in mlmodels:
    for key in ("model_uuid", "utc_time_created", "model_size_bytes"):
        mlmodel.pop(key)
    for part in ("inputs", "outputs"):
        mlmodel["signature"][part] = json.loads(mlmodel["signature"][part])
expect("MLmodel", *mlmodels)
for name in ("input_example.json", "serving_input_example.json"):
    expect(name, *(json.loads(read(folder, name)) for folder in (java, reference)))
expect("requirements.txt", *(sorted(read(folder, "requirements.txt").split()) for folder in (java, reference)))
envs = [read(folder, "python_env.yaml") for folder in (java, reference)]
for env in envs:
    env["build_dependencies"] = without_versions(env["build_dependencies"])
expect("python_env.yaml", *envs)
condas = [read(folder, "conda.yaml") for folder in (java, reference)]
for conda in condas:
    conda["dependencies"] = without_versions(conda["dependencies"])
expect("conda.yaml", *condas)
expect("files", *(sorted(os.listdir(folder)) for folder in (java, reference)))

if differences:
    print("\n".join(differences))
    sys.exit(1)
print(f"{java} matches what mlflow.onnx.save_model writes")
