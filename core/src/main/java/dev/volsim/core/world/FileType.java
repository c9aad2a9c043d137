package dev.volsim.core.world;

/** The kinds of file a simulated file system holds, with the names the scenario format uses. */
public enum FileType {
  REGULAR_FILE("file"),
  DIRECTORY("directory"),
  SYMLINK("symlink"),
  SOCKET("socket"),
  CHAR_DEVICE("charDevice"),
  BLOCK_DEVICE("blockDevice");

  private final String scenarioName;

  FileType(String scenarioName) {
    this.scenarioName = scenarioName;
  }

  /** The name in scenarios ({@code file}, {@code directory}, {@code charDevice}, ...). */
  public String scenarioName() {
    return scenarioName;
  }

  /**
   * The type a scenario names.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static FileType fromScenarioName(String name) {
    for (FileType type : values()) {
      if (type.scenarioName.equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown file type \"" + name + "\"");
  }
}
