package dev.volsim.model.volume;

/**
 * One key of a ConfigMap or Secret projected into a file of a volume.
 *
 * @param key the key to project
 * @param path the file's relative path in the volume; may not be absolute, contain {@code ..} or
 *     start with {@code ..}
 * @param mode the file's permission bits, 0 to 0777; null uses the volume's defaultMode
 */
public record KeyToPath(String key, String path, Integer mode) {}
