package dev.compressweep.workers.trial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBundleTest {

    @TempDir
    Path tmp;

    @Test
    void shouldCarryFilesWithTheirPathsRelativeToTheFolderAndSkipMissingOnes() throws IOException {
        Path from = tmp.resolve("node");
        Path model = Files.createDirectories(from.resolve("trials")).resolve("t.cwm");
        Files.write(model, new byte[] {7, 8});

        FileBundle bundle = FileBundle.read(from, List.of(model, from.resolve("logs/missing.log")));
        bundle.writeTo(tmp.resolve("store"));

        assertEquals(List.of("trials/t.cwm"), bundle.paths());
        assertEquals(2, bundle.bytes());
        assertArrayEquals(new byte[] {7, 8}, Files.readAllBytes(tmp.resolve("store/trials/t.cwm")));
    }

    @Test
    void shouldRefusePathsThatLeaveTheFolder() {
        for (String path : List.of("../t.cwm", "/etc/passwd", "trials/../../x", "a//b", "./a", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new FileBundle.File(path, new byte[0]), path);

            assertEquals("a bundled file's path must be relative without '.' or '..' parts, but got '" + path + "'",
                    e.getMessage());
        }
    }
}
