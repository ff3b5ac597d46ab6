package dev.compressweep.orchestrator.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.compressweep.search.space.Categorical;
import dev.compressweep.search.space.Condition;
import dev.compressweep.search.space.Parameter;
import dev.compressweep.search.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns {@code search.space} into a conditional {@link SearchSpace}: a categorical {@code chain}
 * parameter, then, for every method some chain uses, one parameter per knob that exists only when
 * the chosen chain contains that method. Knobs the file leaves out keep their default value.
 */
final class SpaceParser {

    /** What joins the methods of a chain written as text: {@code "distill > quantize"} or {@code "a -> b"}. */
    private static final String ARROW = "\\s*(>|->)\\s*";

    private SpaceParser() {}

    static SearchSpace parse(Fields space) {
        Problems problems = space.problems();
        List<String> chains = chains(space, problems);
        if (chains.isEmpty()) {
            return null;
        }
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(new Categorical(SweepSpec.CHAIN, List.copyOf(chains), Optional.empty()));
        List<String> known = new ArrayList<>(List.of(SweepSpec.CHAIN));
        for (Method method : Method.values()) {
            known.add(method.key());
            Set<Object> active = new LinkedHashSet<>();
            chains.stream().filter(c -> List.of(c.split(SweepSpec.CHAIN_SEPARATOR)).contains(method.key()))
                    .forEach(active::add);
            Fields section = space.section(method.key(), false);
            if (active.isEmpty()) {
                if (!section.node().isMissingNode()) {
                    problems.add(section.path(), "no chain uses " + method.key());
                }
                continue;
            }
            section.rejectUnknown(method.knobs().stream().map(Knob::name).toList());
            Condition condition = new Condition(SweepSpec.CHAIN, active);
            for (Knob knob : method.knobs()) {
                String name = method.key() + "." + knob.name();
                KnobParser.parse(name, knob, section.raw(knob.name()), condition, section.at(knob.name()), problems)
                        .ifPresent(parameters::add);
            }
        }
        space.rejectUnknown(known);
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return new SearchSpace(parameters);
        } catch (IllegalArgumentException e) {
            problems.add(space.path(), e.getMessage());
            return null;
        }
    }

    private static List<String> chains(Fields space, Problems problems) {
        String path = space.at(SweepSpec.CHAIN);
        Optional<JsonNode> node = space.raw(SweepSpec.CHAIN);
        if (node.isEmpty() || !node.get().isArray() || node.get().isEmpty()) {
            problems.add(path, "must list at least one chain of methods, e.g. [[distill], [distill, quantize]]");
            return List.of();
        }
        List<String> chains = new ArrayList<>();
        for (int i = 0; i < node.get().size(); i++) {
            JsonNode item = node.get().get(i);
            List<String> steps = new ArrayList<>();
            if (item.isArray()) {
                item.forEach(step -> steps.add(step.asText()));
            } else {
                steps.addAll(List.of(item.asText().split(ARROW, -1)));
            }
            String itemPath = path + "[" + i + "]";
            if (steps.stream().allMatch(String::isBlank)) {
                problems.add(itemPath, "must name at least one method");
                continue;
            }
            if (steps.stream().anyMatch(String::isBlank)) {
                problems.add(itemPath, item.isArray() ? "must name a method at every step, but got "
                        + Problems.shown(item) : "must be methods joined by '>' or '->', a method on each side of every"
                        + " arrow (e.g. \"distill > quantize\"), but got " + Problems.quoted(item.asText()));
                continue;
            }
            steps.stream().filter(s -> Method.byKey(s).isEmpty()).forEach(s ->
                    problems.add(itemPath, "unknown method " + Problems.quoted(s) + " (known: " + Method.keys() + ")"));
            if (new LinkedHashSet<>(steps).size() != steps.size()) {
                problems.add(itemPath, "names a method twice: " + Problems.shown(steps));
            }
            String chain = String.join(SweepSpec.CHAIN_SEPARATOR, steps);
            if (chains.contains(chain)) {
                problems.add(itemPath, "repeats the chain " + Problems.shown(chain));
            } else {
                chains.add(chain);
            }
        }
        return chains;
    }
}
