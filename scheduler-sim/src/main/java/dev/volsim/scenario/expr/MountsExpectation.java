package dev.volsim.scenario.expr;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code {mounts: {pod, container}, includes: [{path, volume, readOnly, fsType}]}}: the running
 * container's mount table holds, for each given entry, a mount at {@code path} with every other key
 * given matching ({@code volume} is the Pod volume whose volumeMount is at that path). A failure
 * lists the table as found.
 *
 * @param pod the Pod ({@code NAME} or {@code NS/NAME}, may hold {@code ${...}})
 * @param container the container, or null for a Pod's only container
 * @param includes the wanted entries, key to written value, each with {@code path}
 */
public record MountsExpectation(String pod, String container, ImmutableList<ImmutableMap<String, String>> includes)
    implements Expectation {
  /** The keys an entry of {@code includes} takes. */
  public static final ImmutableList<String> ENTRY_KEYS = ImmutableList.of("path", "volume", "readOnly", "fsType");

  public MountsExpectation {
    requireNonNull(pod, "pod is null");
    includes = ImmutableList.copyOf(includes);
  }

  @Override
  public Outcome evaluate(ExpectationContext ctx) throws ExprException {
    FileAccess files = ctx.files();
    if (files == null) {
      throw new ExprException("mounts expectations need a running simulation");
    }
    Interpolator in = ctx.interpolator();
    List<FileAccess.MountEntry> table = files.mounts(in.interpolate(pod),
        container == null ? null : in.interpolate(container));
    List<String> missing = new ArrayList<>();
    for (Map<String, String> want : includes) {
      Map<String, String> resolved = new java.util.LinkedHashMap<>();
      for (Map.Entry<String, String> e : want.entrySet()) {
        resolved.put(e.getKey(), in.interpolate(e.getValue()));
      }
      boolean found = table.stream().anyMatch(m -> matches(m, resolved));
      if (!found) {
        missing.add(show(resolved));
      }
    }
    String expected = "the mount table of pod " + pod + (container == null ? "" : " container " + container)
        + " includes " + includes.stream().map(MountsExpectation::show).toList();
    if (missing.isEmpty()) {
      return Outcome.holds(expected, "every entry found");
    }
    List<String> shown = new ArrayList<>();
    for (FileAccess.MountEntry m : table) {
      shown.add(m.toString());
    }
    return Outcome.fails(expected, "no mount " + String.join(", no mount ", missing) + "; the table: "
        + (shown.isEmpty() ? "(no volume mounts)" : String.join("; ", shown)));
  }

  private static boolean matches(FileAccess.MountEntry m, Map<String, String> want) {
    for (Map.Entry<String, String> e : want.entrySet()) {
      String got = switch (e.getKey()) {
        case "path" -> m.path();
        case "volume" -> m.volume() == null ? "" : m.volume();
        case "readOnly" -> String.valueOf(m.readOnly());
        case "fsType" -> m.fsType();
        default -> throw new IllegalStateException("key " + e.getKey());
      };
      String w = e.getKey().equals("path") ? normalizePath(e.getValue()) : e.getValue();
      if (!got.equals(w)) {
        return false;
      }
    }
    return true;
  }

  /** A path lexically normalized: no empty or {@code .} components, no trailing slash. */
  public static String normalizePath(String path) {
    java.util.Deque<String> parts = new java.util.ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      } else if (part.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(part);
      }
    }
    return "/" + String.join("/", parts);
  }

  private static String show(Map<String, String> entry) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, String> e : entry.entrySet()) {
      parts.add(e.getKey() + ": " + e.getValue());
    }
    return "{" + String.join(", ", parts) + "}";
  }

  @Override
  public String describe() {
    return "the mount table of pod " + pod + (container == null ? "" : " container " + container) + " includes "
        + includes.stream().map(MountsExpectation::show).toList();
  }
}
