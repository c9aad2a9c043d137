package dev.volsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * Supplies {@code volsim --version} from {@code version.properties}, which Maven fills in with
 * the project's version when it builds the module.
 */
public final class VersionProvider implements IVersionProvider {
  private static final String RESOURCE = "version.properties";

  @Override
  public String[] getVersion() {
    return new String[] {"volsim " + version()};
  }

  /** The project version, or {@code unknown} when the resource is missing (never throws). */
  public static String version() {
    Properties props = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        props.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    String v = props.getProperty("version", "unknown");
    return v.isBlank() || v.startsWith("${") ? "unknown" : v;
  }
}
