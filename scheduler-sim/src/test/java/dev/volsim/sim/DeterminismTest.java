package dev.volsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Same seed, same trace, byte for byte: in one JVM, in another JVM, and on two threads at once. */
class DeterminismTest {
  private static final long SEED = 7;

  @Test
  void sameSeedGivesTheSameFingerprintTwiceInOneJvm() {
    String first = DeterminismWorkload.fingerprint(SEED);
    assertThat(first.split(" ")[1]).as("the workload produces a real trace").satisfies(n -> assertThat(Long.parseLong(n)).isGreaterThan(1000));
    assertThat(DeterminismWorkload.fingerprint(SEED)).isEqualTo(first);
    assertThat(DeterminismWorkload.fingerprint(SEED + 1)).as("another seed, another story").isNotEqualTo(first);
  }

  @Test
  void aSecondJvmGivesTheSameFingerprint() throws Exception {
    String here = DeterminismWorkload.fingerprint(SEED);
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        DeterminismWorkload.class.getName(), Long.toString(SEED))
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).isEqualTo(here);
  }

  @Test
  void twoSimulationsOnTwoThreadsAtOnceDoNotDisturbEachOther() throws Exception {
    String alone = DeterminismWorkload.fingerprint(SEED);
    String aloneOther = DeterminismWorkload.fingerprint(SEED + 100);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 3; round++) {
        Future<String> a = pool.submit(() -> DeterminismWorkload.fingerprint(SEED));
        Future<String> b = pool.submit(() -> DeterminismWorkload.fingerprint(SEED + 100));
        assertThat(List.of(a.get(2, TimeUnit.MINUTES), b.get(2, TimeUnit.MINUTES)))
            .containsExactly(alone, aloneOther);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
