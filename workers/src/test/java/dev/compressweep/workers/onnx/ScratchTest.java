package dev.compressweep.workers.onnx;

import ai.onnx.proto.OnnxMl;
import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.ProgressListener;
import dev.compressweep.workers.compress.Quantization;
import dev.compressweep.workers.compress.StepContext;
import dev.compressweep.workers.compress.StepParams;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.Inference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ScratchTest {

    static float[] basic(OnnxModel m, float[] px) throws Exception {
        var env = OrtRuntime.environment();
        try (var o = new ai.onnxruntime.OrtSession.SessionOptions()) {
            o.setOptimizationLevel(ai.onnxruntime.OrtSession.SessionOptions.OptLevel.BASIC_OPT);
            try (var s = env.createSession(m.bytes(), o);
                 var t = ai.onnxruntime.OnnxTensor.createTensor(env, java.nio.FloatBuffer.wrap(px), new long[] {500, 784});
                 var r = s.run(Map.of("pixels", t))) {
                var fb = ((ai.onnxruntime.OnnxTensor) r.get(0)).getFloatBuffer();
                float[] out = new float[fb.remaining()];
                fb.get(out);
                return out;
            }
        }
    }

    @Test
    void scratch() throws Exception {
        for (String arch : new String[] {"cnn", "mlp"}) {
            for (Object[] s : new Object[][] {{8, "per_channel", true}, {8, "per_tensor", true}, {8, "per_channel", false},
                    {8, "per_tensor", false}, {4, "per_channel", true}}) {
                CompressedModel m = TrainedModels.trained(Architecture.of(arch, arch.equals("cnn") ? 8 : 32, arch.equals("cnn") ? 2 : 1));
                float[] floatLogits = Inference.logits(m.model(), TrainedModels.DATA.test(), 10, 256);
                OnnxModel fm = OnnxExport.floatModel(m);
                float[] ortFloat;
                try (OnnxRunner r = OnnxRunner.open(fm, 1)) {
                    ortFloat = r.predict(TrainedModels.DATA.test().images(0, 500), 500);
                }
                double maxDiff = 0;
                for (int i = 0; i < ortFloat.length; i++) maxDiff = Math.max(maxDiff, Math.abs(ortFloat[i] - floatLogits[i]));
                CompressedModel q = new Quantization().apply(m, new StepContext(TrainedModels.DATA, null,
                        new StepParams(Map.of("quantize.bits", s[0], "quantize.granularity", s[1], "quantize.symmetric", s[2])),
                        1L, ProgressListener.none()));
                int[] djl = Inference.argMax(Inference.logits(q.model(), TrainedModels.DATA.test(), 10, 256), 10);
                var acts = Calibrator.calibrate(q, TrainedModels.DATA.train().images(0, 256), 256,
                        new Calibration(Calibration.Method.MINMAX, 256), 1);
                OnnxModel im = OnnxExport.int8Model(q, acts);
                Path opt = Files.createTempFile("opt", ".onnx");
                String result;
                try (OnnxRunner r = OnnxRunner.openSavingOptimized(im, 1, opt)) {
                    int[] pred = Inference.argMax(r.predict(TrainedModels.DATA.test().images(0, 500), 500), 10);
                    int agree = 0;
                    int[] truth = TrainedModels.DATA.test().labels();
                    int correct = 0;
                    int correctDjl = 0;
                    for (int i = 0; i < 500; i++) { if (pred[i] == djl[i]) agree++; if (pred[i] == truth[i]) correct++; if (djl[i] == truth[i]) correctDjl++; }
                    Map<String, Integer> ops = new TreeMap<>();
                    for (OnnxMl.NodeProto n : OnnxMl.ModelProto.parseFrom(Files.readAllBytes(opt)).getGraph().getNodeList()) ops.merge(n.getOpType(), 1, Integer::sum);
                    float[] all = r.predict(TrainedModels.DATA.test().images(0, 500), 500);
                    float[] basic = basic(im, TrainedModels.DATA.test().images(0, 500));
                    float[] djlLogits = Inference.logits(q.model(), TrainedModels.DATA.test(), 10, 256);
                    double d1 = 0, d2 = 0, d3 = 0;
                    for (int i = 0; i < all.length; i++) { d1 = Math.max(d1, Math.abs(all[i] - basic[i])); d2 = Math.max(d2, Math.abs(all[i] - djlLogits[i])); d3 = Math.max(d3, Math.abs(djlLogits[i])); }
                    System.out.println("RESULT diff int8-vs-qdqfloat=" + d1 + " int8-vs-djl=" + d2 + " maxlogit=" + d3);
                    result = arch + " " + s[0] + " " + s[1] + " sym=" + s[2] + " floatdiff=" + maxDiff + " agree=" + agree + " acc=" + correct + " djlacc=" + correctDjl + " ops=" + ops;
                } catch (RuntimeException e) {
                    result = arch + " " + s[0] + " " + s[1] + " sym=" + s[2] + " FAILED " + e.getMessage();
                }
                System.out.println("RESULT " + result);
                q.close();
            }
        }
    }
}
