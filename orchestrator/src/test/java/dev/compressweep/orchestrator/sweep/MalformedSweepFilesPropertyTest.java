package dev.compressweep.orchestrator.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.compressweep.orchestrator.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every malformed sweep file, however it is broken, is refused by {@code validate} and by {@code run} alike: exit
 * code 2, one line on stderr starting {@code compressweep: error: }, no stack trace, nothing created
 * ({@link CliRefusal}). The files are generated from valid ones ({@link SweepTrees}): each property breaks them in
 * one way, in as many tries as it says, each try a dynamic test that shows the file when it fails. The generators
 * draw from a {@link Random} with a fixed seed, so that a run is repeatable; change {@link #SEED} to explore other
 * files.
 */
class MalformedSweepFilesPropertyTest {

    private static final long SEED = 20251130L;
    private static final int TITLE_CHARS = 120;

    @Test
    void shouldAcceptEveryFileTheGeneratorsStartFrom() throws IOException {
        Path dir = Files.createTempDirectory("valid-sweep");
        PrintStream out = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            for (int i = 0; i < SweepTrees.TEXTS.size(); i++) {
                Path file = Files.writeString(dir.resolve("base-" + i + ".yaml"), SweepTrees.TEXTS.get(i));
                assertEquals(0, Main.run("validate", file.toString()), "base file " + i + ":\n"
                        + SweepTrees.TEXTS.get(i));
            }
        } finally {
            System.setOut(out);
            for (int i = 0; i < SweepTrees.TEXTS.size(); i++) {
                Files.deleteIfExists(dir.resolve("base-" + i + ".yaml"));
            }
            Files.delete(dir);
        }
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseAFileWithoutARequiredKey() {
        return tries(100, TreeMutations::missingRequiredKey);
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseAnUnknownKeyAtAnyLevel() {
        return tries(200, TreeMutations::unknownKey);
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseADuplicateKey() {
        return tries(100, TextMutations::duplicateKey);
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseAValueOfTheWrongType() {
        return tries(200, TreeMutations::wrongType);
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseANumberOutOfRange() {
        return tries(200, TreeMutations::outOfRange);
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseARangeWhoseLowIsNotBelowItsHigh() {
        return tries(100, TreeMutations::lowNotBelowHigh);
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseABadObjectiveConstraintOrSelection() {
        return tries(200, SemanticMutations::badObjectiveConstraintOrSelection);
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseABadChainMethodOrKnob() {
        return tries(200, SemanticMutations::badChainMethodOrKnob);
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseABadSweepName() {
        return tries(100, TreeMutations::badName);
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseAVeryLongText() {
        return tries(100, TreeMutations::longText);
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseAVeryLongKey() {
        return tries(100, TextMutations::longKey);
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseASecondYamlDocument() {
        return tries(100, TextMutations::secondDocument);
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseUnbalancedBrackets() {
        return tries(100, TextMutations::unbalancedBrackets);
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseTabIndentation() {
        return tries(100, TextMutations::tabIndentation);
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseBinaryGarbage() {
        return tries(100, TextMutations::binaryGarbage);
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseDeepNesting() {
        return tries(50, YamlBombs::deepNesting);
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseAnchorsAliasesAndAliasBombs() {
        return tries(100, YamlBombs::aliases);
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseAnEmptyFile() {
        return tries(30, TextMutations::emptyFile);
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseBytesThatAreNotUtf8() {
        return tries(100, TextMutations::notUtf8);
    }

    /**
     * {@code count} files from {@code generator}, drawn one after the other from a {@link Random} seeded with
     * {@link #SEED}, as dynamic tests that each check {@link CliRefusal#assertRefused}. A file is made when its test
     * is about to run, so that only one is held at a time.
     */
    private static Stream<DynamicTest> tries(int count, Function<Random, MalformedSweep> generator) {
        Random random = new Random(SEED);
        return IntStream.range(0, count).mapToObj(i -> {
            MalformedSweep sweep = generator.apply(random);
            return DynamicTest.dynamicTest("try " + i + ": " + title(sweep.how()), () -> refused(sweep));
        });
    }

    private static void refused(MalformedSweep sweep) {
        try {
            CliRefusal.assertRefused(sweep);
        } catch (AssertionError e) {
            fail(e.getMessage() + "\nfor the file " + sweep, e);
        }
    }

    private static String title(String how) {
        String line = how.replace("\n", "\\n").replace("\r", "\\r");
        return line.length() <= TITLE_CHARS ? line : line.substring(0, TITLE_CHARS) + "...";
    }
}
