package dev.compressweep.workers.compress;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.util.Pair;
import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.Seeds;
import dev.compressweep.workers.model.Topology;
import dev.compressweep.workers.quant.QuantizedTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A network during and after compression: the DJL model (which owns its own NDManager, released on
 * {@link #close()}), the architecture it derives from, its exact layers ({@link #topology()}, which differ
 * from the architecture's after structured pruning or low-rank decomposition), and the integer form of any
 * quantized weights.
 *
 * <p>When weights are quantized the model holds their dequantized values (simulated quantization);
 * {@link #quantized()} holds the integers the artifact stores. Not thread-safe; close is idempotent.
 */
public final class CompressedModel implements AutoCloseable {

    private final Model model;
    private final Architecture architecture;
    private final Topology topology;
    private final int classes;
    private final ImageShape inputShape;
    private final Map<String, QuantizedTensor> quantized;
    private final List<NamedTensor> beforeQuantization;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CompressedModel(Model model, Architecture architecture, Topology topology, int classes,
            ImageShape inputShape, Map<String, QuantizedTensor> quantized, List<NamedTensor> beforeQuantization) {
        this.model = model;
        this.architecture = architecture;
        this.topology = topology;
        this.classes = classes;
        this.inputShape = inputShape;
        this.quantized = Map.copyOf(quantized);
        this.beforeQuantization = List.copyOf(beforeQuantization);
    }

    /** A new network with weights initialized from {@code seed} (which also seeds the engine). */
    public static CompressedModel create(Architecture architecture, int classes, ImageShape inputShape, long seed) {
        Seeds.apply(seed);
        return initialized(architecture, Topology.of(architecture, classes), classes, inputShape);
    }

    private static CompressedModel initialized(Architecture architecture, Topology topology, int classes,
            ImageShape inputShape) {
        architecture.checkFits(inputShape);
        topology.check(inputShape, classes);
        Block block = topology.build();
        Model model = Model.newInstance("compressweep-" + architecture.kind().id());
        try {
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32,
                    new Shape(1, inputShape.channels(), inputShape.height(), inputShape.width()));
            return new CompressedModel(model, architecture, topology, classes, inputShape, Map.of(), List.of());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * A new network holding {@code tensors} (one per parameter, in the block's order), with
     * {@code quantized} naming the weights whose values are dequantized integers.
     *
     * @throws IllegalArgumentException when names or shapes do not match the architecture
     */
    public static CompressedModel fromTensors(Architecture architecture, int classes, ImageShape inputShape,
            List<NamedTensor> tensors, Map<String, QuantizedTensor> quantized) {
        return fromTensors(architecture, Topology.of(architecture, classes), classes, inputShape, tensors, quantized);
    }

    /**
     * A new network of {@code topology}'s layers holding {@code tensors}, as above.
     *
     * @throws IllegalArgumentException when the topology does not fit, or names or shapes do not match it
     */
    public static CompressedModel fromTensors(Architecture architecture, Topology topology, int classes,
            ImageShape inputShape, List<NamedTensor> tensors, Map<String, QuantizedTensor> quantized) {
        CompressedModel out = initialized(architecture, topology, classes, inputShape);
        try {
            ParameterList params = out.model.getBlock().getParameters();
            if (params.size() != tensors.size()) {
                throw new IllegalArgumentException(architecture + " has " + params.size()
                        + " parameter tensors, but " + tensors.size() + " were given");
            }
            for (int i = 0; i < params.size(); i++) {
                Parameter p = params.valueAt(i);
                NamedTensor t = tensors.get(i);
                int[] shape = toInts(p.getArray().getShape());
                if (!params.keyAt(i).equals(t.name()) || !Arrays.equals(shape, t.shape())) {
                    throw new IllegalArgumentException("parameter " + i + " of " + architecture + " is "
                            + params.keyAt(i) + Arrays.toString(shape) + ", but got " + t.name()
                            + Arrays.toString(t.shape()));
                }
                p.getArray().set(t.values());
            }
            return new CompressedModel(out.model, architecture, topology, classes, inputShape, quantized, List.of());
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /** The DJL model; owned by this object. */
    public Model model() {
        return model;
    }

    public Architecture architecture() {
        return architecture;
    }

    /** The exact layers of the network. */
    public Topology topology() {
        return topology;
    }

    /** A new network of the same layers, classes and input holding {@code tensors}; see {@link #fromTensors}. */
    public CompressedModel withTensors(List<NamedTensor> tensors, Map<String, QuantizedTensor> quantized) {
        return fromTensors(architecture, topology, classes, inputShape, tensors, quantized);
    }

    /**
     * As {@link #withTensors}, also keeping {@code original}: the float tensors the quantized weights were
     * made from, so that the float network can be measured beside the quantized one.
     */
    public CompressedModel withQuantizedTensors(List<NamedTensor> tensors, Map<String, QuantizedTensor> quantized,
            List<NamedTensor> original) {
        List<NamedTensor> kept = List.copyOf(original);
        CompressedModel out = withTensors(tensors, quantized);
        return new CompressedModel(out.model, architecture, topology, classes, inputShape, quantized, kept);
    }

    public int classes() {
        return classes;
    }

    public ImageShape inputShape() {
        return inputShape;
    }

    /** Integer form of the quantized weights by parameter name; empty when nothing is quantized. */
    public Map<String, QuantizedTensor> quantized() {
        return quantized;
    }

    /**
     * The float tensors this network's weights were quantized from, in the block's order, when the
     * quantize step made it; empty otherwise (an artifact does not keep them).
     */
    public List<NamedTensor> beforeQuantization() {
        return beforeQuantization;
    }

    /** Whether any weight is quantized. */
    public boolean isQuantized() {
        return !quantized.isEmpty();
    }

    /** Copies of every parameter tensor, in the block's order. */
    public List<NamedTensor> tensors() {
        List<NamedTensor> out = new ArrayList<>();
        for (Pair<String, Parameter> pair : model.getBlock().getParameters()) {
            Parameter p = pair.getValue();
            out.add(new NamedTensor(pair.getKey(), toInts(p.getArray().getShape()),
                    p.getType() == Parameter.Type.WEIGHT, p.getArray().toFloatArray()));
        }
        return out;
    }

    /**
     * The number of learned scalar parameters (weights, biases, batch normalisation's gamma and beta); batch
     * normalisation's running statistics are state and not counted, as in {@link
     * dev.compressweep.workers.model.ModelStats#parameters()}.
     */
    public long parameterCount() {
        long n = 0;
        for (Pair<String, Parameter> pair : model.getBlock().getParameters()) {
            Parameter.Type type = pair.getValue().getType();
            if (type != Parameter.Type.RUNNING_MEAN && type != Parameter.Type.RUNNING_VAR) {
                n += pair.getValue().getArray().size();
            }
        }
        return n;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            model.close();
        }
    }

    private static int[] toInts(Shape shape) {
        return Arrays.stream(shape.getShape()).mapToInt(Math::toIntExact).toArray();
    }
}
