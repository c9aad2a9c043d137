package dev.volsim.core.kubelet;

import dev.volsim.core.world.ClusterWorld;
import dev.volsim.core.world.ClusterWorld.UrlResponse;
import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FileSystemView;
import dev.volsim.core.world.FsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The few commands volsim understands in a container's {@code command}/{@code args}, so a textbook
 * manifest has its effect unedited: {@code wget -O FILE URL}, {@code curl [-f] -o FILE URL},
 * {@code echo TEXT > FILE} (or {@code >>}) and {@code exit N}, alone or in a {@code sh -c} script
 * chained with {@code &&} and {@code ;}. Anything else is taken to succeed and do nothing. A
 * download gets what {@link ClusterWorld#url} answers; failures end the command as busybox wget
 * and curl do.
 */
public final class ContainerCommands {
  /**
   * What running the command did.
   *
   * @param exitCode the exit code of the script (of its last command run)
   * @param understood whether any understood command ran
   * @param exited whether the script ended the process (an {@code exit}, or a failure it stops at)
   * @param message the error output of the failing command, or empty
   */
  public record Result(int exitCode, boolean understood, boolean exited, String message) {}

  private static final Map<Integer, String> REASONS = Map.of(400, "Bad Request", 401, "Unauthorized",
      403, "Forbidden", 404, "Not Found", 410, "Gone", 500, "Internal Server Error", 502, "Bad Gateway",
      503, "Service Unavailable");

  private final ClusterWorld world;
  private final FileSystemView fs;
  private final Credentials as;
  private boolean understood;
  private String message = "";

  private ContainerCommands(ClusterWorld world, FileSystemView fs, Credentials as) {
    this.world = world;
    this.fs = fs;
    this.as = as;
  }

  /** Runs {@code command} then {@code args} in the container's file system {@code fs} as {@code as}. */
  public static Result run(List<String> command, List<String> args, ClusterWorld world, FileSystemView fs,
      Credentials as) {
    List<String> argv = new ArrayList<>(command);
    argv.addAll(args);
    ContainerCommands c = new ContainerCommands(world, fs, as);
    if (argv.isEmpty()) {
      return new Result(0, false, false, "");
    }
    String prog = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
    if ((prog.equals("sh") || prog.equals("bash") || prog.equals("ash")) && argv.size() >= 3
        && argv.get(1).equals("-c")) {
      return c.script(argv.get(2));
    }
    int code = c.simple(argv);
    // The command is the process itself: when it fails, the process has ended.
    return new Result(code, c.understood, code != 0, c.message);
  }

  /** A {@code sh -c} script: commands separated by {@code &&} (stop at a failure) and {@code ;}. */
  private Result script(String text) {
    List<List<String>> commands = new ArrayList<>();
    List<String> separators = new ArrayList<>();
    List<String> words = new ArrayList<>();
    for (String token : ShellWords.split(text)) {
      if (token.equals("&&") || token.equals("||") || token.equals(";") || token.equals("\n")) {
        commands.add(words);
        separators.add(token);
        words = new ArrayList<>();
      } else {
        words.add(token);
      }
    }
    commands.add(words);
    int code = 0;
    for (int i = 0; i < commands.size(); i++) {
      List<String> cmd = commands.get(i);
      if (i > 0 && separators.get(i - 1).equals("&&") && code != 0) {
        // sh skips the rest of an && list after a failure; with nothing after it, the script ends.
        continue;
      }
      if (i > 0 && separators.get(i - 1).equals("||") && code == 0) {
        continue;
      }
      if (cmd.isEmpty()) {
        continue;
      }
      if (cmd.get(0).equals("exit")) {
        understood = true;
        int n = cmd.size() > 1 && cmd.get(1).matches("[0-9]{1,3}") ? Integer.parseInt(cmd.get(1)) & 0xff : code;
        return new Result(n, true, true, message);
      }
      code = simple(cmd);
    }
    return new Result(code, understood, code != 0, message);
  }

  private int simple(List<String> argv) {
    String prog = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
    return switch (prog) {
      case "wget" -> wget(argv);
      case "curl" -> curl(argv);
      case "echo" -> echo(argv);
      default -> 0;
    };
  }

  private int wget(List<String> argv) {
    String out = null;
    String url = null;
    for (int i = 1; i < argv.size(); i++) {
      String a = argv.get(i);
      if (a.equals("-O") && i + 1 < argv.size()) {
        out = argv.get(++i);
      } else if (a.startsWith("-O") && a.length() > 2) {
        out = a.substring(2);
      } else if (a.equals("-T") || a.equals("-U") || a.equals("--header")) {
        i++;
      } else if (!a.startsWith("-")) {
        url = a;
      }
    }
    if (out == null || url == null) {
      return 0;
    }
    understood = true;
    Optional<UrlResponse> r = world.url(url);
    if (r.isEmpty()) {
      return fail("wget: bad address '" + host(url) + "'", 1);
    }
    if (r.get().status() >= 400) {
      return fail("wget: server returned error: HTTP/1.1 " + r.get().status() + " " + reason(r.get().status()), 1);
    }
    return save(out, r.get().content(), "wget: can't open '" + out + "': ", 1);
  }

  private int curl(List<String> argv) {
    String out = null;
    String url = null;
    boolean failOnError = false;
    for (int i = 1; i < argv.size(); i++) {
      String a = argv.get(i);
      if ((a.equals("-o") || a.equals("--output")) && i + 1 < argv.size()) {
        out = argv.get(++i);
      } else if (a.equals("--fail")) {
        failOnError = true;
      } else if (a.startsWith("-") && !a.startsWith("--")) {
        failOnError |= a.indexOf('f') > 0;
        if (a.endsWith("o") && i + 1 < argv.size()) {
          out = argv.get(++i);
        }
      } else if (!a.startsWith("-")) {
        url = a;
      }
    }
    if (out == null || url == null) {
      return 0;
    }
    understood = true;
    Optional<UrlResponse> r = world.url(url);
    if (r.isEmpty()) {
      return fail("curl: (6) Could not resolve host: " + host(url), 6);
    }
    if (r.get().status() >= 400 && failOnError) {
      return fail("curl: (22) The requested URL returned error: " + r.get().status(), 22);
    }
    // Without -f curl saves whatever body the server sent, error page or not, and succeeds.
    return save(out, r.get().content(), "curl: (23) Failure writing output to destination: ", 23);
  }

  private int echo(List<String> argv) {
    int redirect = -1;
    for (int i = 1; i < argv.size(); i++) {
      if (argv.get(i).equals(">") || argv.get(i).equals(">>")) {
        redirect = i;
        break;
      }
    }
    if (redirect < 0 || redirect + 1 >= argv.size()) {
      return 0;
    }
    understood = true;
    List<String> words = new ArrayList<>(argv.subList(1, redirect));
    boolean newline = true;
    if (!words.isEmpty() && words.get(0).equals("-n")) {
      newline = false;
      words.remove(0);
    }
    String text = String.join(" ", words) + (newline ? "\n" : "");
    String file = argv.get(redirect + 1);
    try {
      if (argv.get(redirect).equals(">>")) {
        fs.append(file, text, as);
      } else {
        fs.write(file, text, as);
      }
      return 0;
    } catch (FsException e) {
      return fail("sh: can't create " + file + ": " + e.getMessage(), 1);
    }
  }

  private int save(String out, String content, String prefix, int code) {
    try {
      fs.write(out, content, as);
      return 0;
    } catch (FsException e) {
      return fail(prefix + e.getMessage(), code);
    }
  }

  private int fail(String text, int code) {
    message = text;
    return code;
  }

  private static String reason(int status) {
    return REASONS.getOrDefault(status, "");
  }

  private static String host(String url) {
    String rest = url.contains("://") ? url.substring(url.indexOf("://") + 3) : url;
    int end = rest.indexOf('/');
    rest = end < 0 ? rest : rest.substring(0, end);
    int colon = rest.indexOf(':');
    return colon < 0 ? rest : rest.substring(0, colon);
  }
}
