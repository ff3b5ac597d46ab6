package dev.compressweep.workers.onnx;

/** ONNX Runtime refused a model or failed to run it; the runtime's own exception is the cause. */
public final class OnnxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OnnxException(String message, Throwable cause) {
        super(message, cause);
    }
}
