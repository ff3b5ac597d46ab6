package dev.compressweep.orchestrator.session;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.compressweep.orchestrator.sweep.SweepSpec;
import dev.compressweep.search.space.Categorical;
import dev.compressweep.search.space.FloatRange;
import dev.compressweep.search.space.IntRange;
import dev.compressweep.search.space.Parameter;
import dev.compressweep.workers.compress.Distillation;
import dev.compressweep.workers.compress.StepParams;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.onnx.OnnxException;
import dev.compressweep.workers.onnx.graph.GraphChain;
import dev.compressweep.workers.onnx.graph.OnnxFiles;
import dev.compressweep.workers.onnx.graph.TeacherGraph;
import dev.compressweep.workers.onnx.graph.TeacherHints;
import dev.compressweep.workers.trial.ImportedTeacher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an imported teacher against the sweep before anything runs: that its file is an ONNX model that fits the
 * data (adapted and run on a few training examples, as the teacher job will), and that every chain the search may
 * try can apply to it. Chains that start by distilling need only the teacher's logits (no hint: its features are
 * not known); the others compress the model's own graph, which cannot be trained here, so their fine-tuning and
 * quantization-aware settings must be 0, and every setting the space allows must apply to that graph.
 */
final class ImportedTeacherCheck {

    private static final int SAMPLE = 16;
    private static final List<String> TRAINING_KNOBS = List.of("prune.finetune_epochs", "lowrank.finetune_epochs",
            "quantize.qat_epochs");

    private ImportedTeacherCheck() {}

    /** The problems, one line each; empty when the teacher and the chains can run. */
    static List<String> problems(SweepSpec sweep, ImageDataset data) {
        ImportedTeacher declared = sweep.teacher().imported();
        String key = "teacher." + declared.format();
        if (data.preprocessing().isPresent()) {
            return List.of(key + ": a model trained elsewhere cannot read the TF-IDF vectors this project makes of the"
                    + " text data set " + sweep.dataset().name() + ": train the teacher here (teacher.architecture)");
        }
        ModelProto model;
        try {
            model = OnnxFiles.read(Path.of(sweep.teacher().path()));
            TeacherGraph.adapt(model, data.shape(), data.classes(),
                    TeacherHints.of(declared.inputShape(), declared.layout(), declared.outputs()),
                    data.train().images(0, Math.min(SAMPLE, data.train().size())));
        } catch (IllegalArgumentException | OnnxException e) {
            return List.of(key + ": " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        for (String chain : chains(sweep)) {
            List<String> steps = List.of(chain.split(SweepSpec.CHAIN_SEPARATOR));
            if (steps.get(0).equals(Distillation.NAME)) {
                if (mayExceedZero(sweep, "distill.hint_weight")) {
                    problems.add("search.space.distill.hint_weight: the chain " + chain + " distils from a model"
                            + " trained elsewhere, whose features are not known: set distill.hint_weight to 0");
                }
                continue;
            }
            for (String knob : TRAINING_KNOBS) {
                if (steps.contains(knob.substring(0, knob.indexOf('.'))) && mayExceedZero(sweep, knob)) {
                    problems.add("search.space." + knob + ": the chain " + chain + " compresses the model's own graph,"
                            + " which cannot be trained here: set " + knob + " to 0 (or distil first)");
                }
            }
            settingProblem(sweep, steps, model).ifPresent(p -> problems.add("search.space.chain: " + chain + " cannot"
                    + " apply to " + sweep.teacher().path() + ": " + p));
        }
        return problems;
    }

    private static List<String> chains(SweepSpec sweep) {
        return sweep.space().parameter(SweepSpec.CHAIN).map(p -> ((Categorical) p).choices().stream()
                .map(Object::toString).toList()).orElse(List.of());
    }

    /** The first reason a value the space allows for a knob of {@code steps} stops the graph chain. */
    private static Optional<String> settingProblem(SweepSpec sweep, List<String> steps, ModelProto model) {
        for (Parameter p : sweep.space().parameters()) {
            if (!steps.contains(p.name().split("\\.")[0])) {
                continue;
            }
            for (Object value : extremes(p)) {
                try {
                    Optional<String> why = GraphChain.of(steps, new StepParams(Map.of(p.name(), value)))
                            .applicability(model);
                    if (why.isPresent()) {
                        return why;
                    }
                } catch (IllegalArgumentException e) {
                    return Optional.of(e.getMessage());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean mayExceedZero(SweepSpec sweep, String knob) {
        return sweep.space().parameter(knob).map(p -> extremes(p).stream()
                .anyMatch(v -> v instanceof Number n && n.doubleValue() > 0)).orElse(false);
    }

    private static List<Object> extremes(Parameter p) {
        if (p instanceof Categorical c) {
            return c.choices();
        }
        if (p instanceof IntRange r) {
            return List.of(r.low(), r.high());
        }
        FloatRange r = (FloatRange) p;
        return List.of(r.low(), r.high());
    }
}
