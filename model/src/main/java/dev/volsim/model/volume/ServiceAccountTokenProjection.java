package dev.volsim.model.volume;

/**
 * A token of the Pod's service account in a projected volume, refreshed by the kubelet.
 *
 * @param audience the token's intended audience; empty for the API server's
 * @param expirationSeconds the requested lifetime, at least 600 and at most 2^32; defaults to 3600
 * @param path the file's relative path; required
 */
public record ServiceAccountTokenProjection(String audience, Long expirationSeconds, String path) {
  /** The default token lifetime, one hour. */
  public static final long DEFAULT_EXPIRATION_SECONDS = 3600;

  public ServiceAccountTokenProjection {
    expirationSeconds = expirationSeconds == null ? DEFAULT_EXPIRATION_SECONDS : expirationSeconds;
  }
}
