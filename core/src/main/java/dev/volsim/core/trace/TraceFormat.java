package dev.volsim.core.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.volsim.core.engine.Durations;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The two canonical renderings of trace entries. Both are stable: the same entry always renders
 * to the same text, in any JVM.
 */
public final class TraceFormat {
  private static final JsonFactory JSON = new JsonFactory();

  private TraceFormat() {}

  /**
   * A timeline line, {@code +12.300s  attachdetach-controller  AttachVolume.Attach succeeded ...},
   * or null for entries without a message (engine bookkeeping the timeline leaves out).
   */
  public static String timelineLine(TraceEntry e) {
    if (e.message() == null) {
      return null;
    }
    return Durations.format(e.timeMicros()) + "  " + e.component() + "  " + e.message();
  }

  /**
   * A JSON line with fixed key order: {@code {"t":12300000,"seq":5,"component":...,"type":...,
   * "object":...,"message":...,"attrs":{...}}}; absent fields left out; no trailing newline.
   */
  public static String jsonLine(TraceEntry e) {
    StringWriter w = new StringWriter(128);
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeNumberField("t", e.timeMicros());
      g.writeNumberField("seq", e.sequence());
      g.writeStringField("component", e.component());
      g.writeStringField("type", e.type());
      if (e.object() != null) {
        g.writeStringField("object", e.object());
      }
      if (e.message() != null) {
        g.writeStringField("message", e.message());
      }
      if (!e.attributes().isEmpty()) {
        g.writeObjectFieldStart("attrs");
        for (Map.Entry<String, String> a : e.attributes().entrySet()) {
          g.writeStringField(a.getKey(), a.getValue());
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return w.toString();
  }
}
