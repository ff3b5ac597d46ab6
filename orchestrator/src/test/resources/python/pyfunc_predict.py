"""Loads a model with mlflow.pyfunc.load_model, as an MLflow user does, and writes its output for given rows.

usage: pyfunc_predict.py MODEL_URI ROWS_FILE OUTPUT_FILE

ROWS_FILE holds the input rows as raw little-endian float32; OUTPUT_FILE gets the model's one output in the
same form. MLFLOW_TRACKING_URI names the tracking server of a models:/ URI.
"""
import sys

import mlflow.pyfunc
import numpy as np

model_uri, rows_file, output_file = sys.argv[1:4]
model = mlflow.pyfunc.load_model(model_uri)
input_spec = model.metadata.get_input_schema().inputs[0]
output_spec = model.metadata.get_output_schema().inputs[0]
rows = np.fromfile(rows_file, dtype="<f4").reshape((-1,) + tuple(input_spec.shape[1:]))
outputs = model.predict(rows)
np.asarray(outputs[output_spec.name], dtype="<f4").tofile(output_file)
print(f"{model_uri}: {len(rows)} rows of {input_spec.name} -> {output_spec.name}")
