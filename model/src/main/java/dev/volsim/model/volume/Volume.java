package dev.volsim.model.volume;

import dev.volsim.model.Inline;

/**
 * A volume of a Pod: a DNS-1123-label name and exactly one source, written inline as in the API
 * ({@code {name: html, emptyDir: {}}}).
 *
 * @param name the volume's name, unique in the Pod
 * @param source where its content comes from; a volume written with no source at all defaults
 *     to an empty {@code emptyDir}, as the API server's {@code SetDefaults_Volume} does
 */
public record Volume(String name, @Inline(fieldName = "volume type") VolumeSource source) {
  public Volume {
    source = source == null ? new EmptyDirVolumeSource(null, null) : source;
  }
}
