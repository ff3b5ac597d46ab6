package dev.compressweep.orchestrator.run;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.orchestrator.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepLeaseTest {

    @TempDir
    Path dir;

    @Test
    void shouldRefuseASecondHolderNamingTheFirst() {
        try (SweepLease first = SweepLease.acquire(dir, "s-1")) {
            UserError e = assertThrows(UserError.class, () -> SweepLease.acquire(dir, "s-1"));

            assertTrue(e.getMessage().startsWith("sweep s-1 is already being run by pid "
                    + ProcessHandle.current().pid()), e.getMessage());
        }
        SweepLease.acquire(dir, "s-1").close();
    }

    /** Another JVM takes the lease (as an orchestrator would) and is then killed with SIGKILL. */
    @Test
    void shouldBeFreeOnceItsHoldingProcessIsKilled() throws IOException, InterruptedException {
        Path source = dir.resolve("Holder.java");
        Files.writeString(source, """
                public class Holder {
                    public static void main(String[] a) throws Exception {
                        var channel = java.nio.channels.FileChannel.open(java.nio.file.Path.of(a[0]),
                                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                        channel.lock();
                        System.out.println("locked");
                        Thread.sleep(60_000);
                    }
                }
                """);
        Process holder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                source.toString(), dir.resolve(SweepLease.FILE).toString())).start();
        try {
            assertTrue(new String(holder.getInputStream().readNBytes(6)).equals("locked"));
            assertThrows(UserError.class, () -> SweepLease.acquire(dir, "s-2"));
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }

        SweepLease.acquire(dir, "s-2").close();
    }
}
