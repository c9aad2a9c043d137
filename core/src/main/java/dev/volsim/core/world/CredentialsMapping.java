package dev.volsim.core.world;

/**
 * How a file system sees a caller's identity: the identity for local file systems, NFS squashing for
 * exports. Permission checks and the owner of new files use the mapped credentials.
 */
@FunctionalInterface
public interface CredentialsMapping {
  /** Every caller is seen as itself. */
  CredentialsMapping IDENTITY = credentials -> credentials;

  /** The credentials the file system checks for a caller with {@code credentials}. */
  Credentials map(Credentials credentials);
}
