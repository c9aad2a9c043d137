package dev.volsim.scenario.expr;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.volsim.core.world.FsException;
import dev.volsim.core.world.Modes;
import dev.volsim.core.world.Stat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code {file: {pod, container, path} | {node, path} | {nfs, path} | {backend, path}, <checks>}}: a
 * file as that container's process, the node's administrator or an administrator on the storage side
 * sees it. Checks: {@code content}, {@code contains},
 * {@code exists}, {@code type} (not following symlinks), {@code mode}, {@code uid}, {@code gid},
 * {@code size}, {@code entries} (the exact sorted listing), {@code error} (reading fails with the text).
 *
 * @param pod the Pod ({@code NAME} or {@code NS/NAME}), or null for a node
 * @param container the container, or null
 * @param node the node, or null for a Pod
 * @param path the path (may hold {@code ${...}})
 * @param checks check name to its plain value, in the order written
 * @param nfs the NFS server (server-absolute paths), or null
 * @param backend the backend ({@code cloudDisk:vol-0abc}, {@code cephfs:fs:/path}), or null
 */
public record FileExpectation(String pod, String container, String node, String path,
    ImmutableMap<String, Object> checks, String nfs, String backend) implements Expectation {
  /** The checks a file expectation takes. */
  public static final ImmutableList<String> CHECKS = ImmutableList.of("content", "contains", "exists", "type",
      "mode", "uid", "gid", "size", "entries", "error");

  public FileExpectation {
    requireNonNull(path, "path is null");
    checks = ImmutableMap.copyOf(checks);
  }

  /** A file in a container or on a node. */
  public FileExpectation(String pod, String container, String node, String path, ImmutableMap<String, Object> checks) {
    this(pod, container, node, path, checks, null, null);
  }

  @Override
  public Outcome evaluate(ExpectationContext ctx) throws ExprException {
    FileAccess files = ctx.files();
    if (files == null) {
      throw new ExprException("file expectations need a running simulation");
    }
    Interpolator in = ctx.interpolator();
    FileAccess.View view = pod != null
        ? files.container(in.interpolate(pod), container == null ? null : in.interpolate(container))
        : nfs != null ? files.nfs(in.interpolate(nfs))
        : backend != null ? files.backend(in.interpolate(backend))
        : files.node(in.interpolate(node));
    String p = in.interpolate(path);
    for (Map.Entry<String, Object> c : checks.entrySet()) {
      Outcome o = check(view, p, c.getKey(), c.getValue(), in);
      if (!o.holds()) {
        return o;
      }
    }
    return Outcome.holds(describe(), "as expected");
  }

  private Outcome check(FileAccess.View v, String p, String key, Object value, Interpolator in) throws ExprException {
    String want = value instanceof List<?> ? null : in.interpolate(FieldPathExpr.text(value));
    String expected = p + " " + key + " " + (want == null ? String.valueOf(value) : Texts.quote(want));
    try {
      switch (key) {
        case "error" -> {
          v.fs().read(p, v.as());
          return Outcome.fails(p + " reading fails with " + Texts.quote(want), "reading succeeded");
        }
        case "exists" -> {
          boolean exists = v.fs().exists(p, v.as());
          return Outcome.of(String.valueOf(exists).equals(want), p + " exists == " + want, String.valueOf(exists));
        }
        case "content" -> {
          String s = v.fs().readString(p, v.as());
          return Outcome.of(s.equals(want), expected, Texts.quote(s));
        }
        case "contains" -> {
          String s = v.fs().readString(p, v.as());
          return Outcome.of(s.contains(want), expected, Texts.quote(s));
        }
        case "entries" -> {
          List<String> wanted = new ArrayList<>();
          for (Object o : (List<?>) value) {
            wanted.add(in.interpolate(FieldPathExpr.text(o)));
          }
          List<String> got = new ArrayList<>(v.fs().list(p, v.as()));
          got.sort(null);
          List<String> sortedWanted = new ArrayList<>(wanted);
          sortedWanted.sort(null);
          return Outcome.of(got.equals(sortedWanted), p + " entries " + sortedWanted, got.toString());
        }
        default -> {
          Stat st = v.fs().lstat(p, v.as());
          String got = switch (key) {
            case "type" -> st.type().scenarioName();
            case "mode" -> st.modeString();
            case "uid" -> String.valueOf(st.uid());
            case "gid" -> String.valueOf(st.gid());
            case "size" -> String.valueOf(st.size());
            default -> throw new IllegalStateException("check " + key);
          };
          boolean same = key.equals("mode") ? sameMode(want, st.mode())
              : key.equals("size") ? dev.volsim.model.Quantity.tryParse(want)
                  .map(q -> q.longValueCeil() == st.size()).orElse(false)
              : got.equals(want);
          return Outcome.of(same, expected, Texts.quote(got));
        }
      }
    } catch (FsException e) {
      if (key.equals("error")) {
        return Outcome.of(e.getMessage().contains(want), p + " reading fails with " + Texts.quote(want),
            "error: " + e.getMessage());
      }
      if (key.equals("exists")) {
        return Outcome.fails(expected, "error: " + e.getMessage());
      }
      return Outcome.fails(expected, "error: " + e.getMessage());
    }
  }

  private static boolean sameMode(String want, int mode) {
    try {
      return Modes.parse(want) == (mode & 07777);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public String describe() {
    String where = pod != null ? "pod " + pod + (container == null ? "" : " container " + container)
        : nfs != null ? "NFS server " + nfs : backend != null ? "backend " + backend : "node " + node;
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Object> c : checks.entrySet()) {
      parts.add(c.getKey() + " " + (c.getValue() instanceof String s ? Texts.quote(s) : String.valueOf(c.getValue())));
    }
    return "file " + path + " in " + where + ": " + String.join(", ", parts);
  }
}
