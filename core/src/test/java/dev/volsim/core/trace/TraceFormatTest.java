package dev.volsim.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.core.engine.Engine;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TraceFormatTest {
  private static final TraceEntry ATTACH = new TraceEntry(12_300_000, 5, "attachdetach-controller", "AttachVolume",
      "persistentvolume/pv-1", "AttachVolume.Attach succeeded for volume \"pv-1\" node \"node-2\"",
      TraceEntry.attrs("volume", "pv-1", "node", "node-2"));

  @Test
  void timelineLineShowsTimeComponentAndMessage() {
    assertThat(TraceFormat.timelineLine(ATTACH))
        .isEqualTo("+12.300s  attachdetach-controller  AttachVolume.Attach succeeded for volume \"pv-1\" node \"node-2\"");
    assertThat(TraceFormat.timelineLine(new TraceEntry(0, 0, "x", "EngineEvent", null, null, null))).isNull();
  }

  @Test
  void jsonLineHasAFixedKeyOrderAndSortedAttributes() {
    assertThat(TraceFormat.jsonLine(ATTACH)).isEqualTo(
        "{\"t\":12300000,\"seq\":5,\"component\":\"attachdetach-controller\",\"type\":\"AttachVolume\","
            + "\"object\":\"persistentvolume/pv-1\",\"message\":\"AttachVolume.Attach succeeded for volume \\\"pv-1\\\" "
            + "node \\\"node-2\\\"\",\"attrs\":{\"node\":\"node-2\",\"volume\":\"pv-1\"}}");
  }

  @Test
  void fingerprintIsTheSha256OfTheJsonLines() {
    Fingerprint fp = new Fingerprint();
    assertThat(fp.hex()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    fp.onEntry(ATTACH);
    String once = fp.hex();
    assertThat(once).isNotEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855").hasSize(64);
    assertThat(fp.hex()).isEqualTo(once);
    assertThat(fp.entries()).isEqualTo(1);
  }

  @Test
  void everyExecutedEventIsATraceEntryWhenSomeoneListens() {
    Engine engine = new Engine(3);
    TraceRecorder recorder = new TraceRecorder();
    engine.trace().addListener(recorder);
    engine.schedule(Duration.ofSeconds(1), "kubelet", "sync", () -> engine.trace().record("kubelet", "Note", null, "hello", null));
    engine.runUntilQuiescent();
    assertThat(recorder.entries()).extracting(TraceEntry::type).containsExactly("EngineEvent", "Note");
    assertThat(recorder.entries().get(0).attribute("event")).isEqualTo("sync");
    assertThat(recorder.entries().get(1).timeMicros()).isEqualTo(1_000_000);
  }
}
