package dev.volsim.core.world;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.util.Set;

/**
 * One line of an NFS server's {@code /etc/exports}: a directory, the clients allowed to mount it and
 * its options, with the defaults of {@code exports(5)}: {@code ro} unless {@code rw} is given,
 * {@code root_squash} unless {@code no_root_squash} or {@code all_squash}, anonymous uid and gid 65534.
 *
 * @param path the exported directory, server-absolute
 * @param clients who may mount it: {@code *}, a single address ({@code 127.0.0.1}), a network in CIDR
 *     ({@code 10.0.0.0/16}) or netmask form ({@code 10.0.0.0/255.255.0.0}), or a host name matched literally
 * @param options {@code rw}, {@code ro}, {@code root_squash}, {@code no_root_squash}, {@code all_squash},
 *     {@code anonuid=N}, {@code anongid=N}, and options without effect here ({@code sync}, ...)
 * @param owner uid of the exported directory
 * @param gid gid of the exported directory
 * @param mode mode of the exported directory
 * @param files files in it before the story starts, paths relative to it
 */
public record NfsExport(String path, ImmutableList<String> clients, ImmutableList<String> options, int owner,
    int gid, int mode, ImmutableList<FileSpec> files) {
  /** Options accepted without changing anything simulated. */
  private static final Set<String> INERT = Set.of("sync", "async", "secure", "insecure", "subtree_check",
      "no_subtree_check", "wdelay", "no_wdelay", "hide", "nohide", "crossmnt", "no_all_squash",
      "secure_locks", "insecure_locks", "no_auth_nlm", "auth_nlm");
  /** The user and group nobody: {@code exports(5)}'s anonuid and anongid default. */
  public static final int NOBODY = 65534;

  /** How client identities are mapped on the server. */
  public enum Squash { ROOT_SQUASH, NO_ROOT_SQUASH, ALL_SQUASH }

  public NfsExport {
    requireNonNull(path, "path is null");
    checkArgument(path.startsWith("/"), "export path %s is not absolute", path);
    path = PathWalker.normalize(path);
    clients = clients == null ? ImmutableList.of() : clients;
    options = options == null ? ImmutableList.of() : options;
    files = files == null ? ImmutableList.of() : files;
    checkArgument(mode >= 0 && mode <= 07777, "mode is %s", mode);
    for (String option : options) {
      checkArgument(INERT.contains(option) || option.equals("rw") || option.equals("ro")
          || option.equals("root_squash") || option.equals("no_root_squash") || option.equals("all_squash")
          || option.matches("anon(uid|gid)=\\d+") || option.matches("(fsid|sec)=.+"),
          "unknown export option \"%s\" of %s", option, path);
    }
  }

  /** An export of {@code path} to {@code clients} with {@code options}, its directory {@code 0755 root:root}. */
  public static NfsExport of(String path, ImmutableList<String> clients, ImmutableList<String> options) {
    return new NfsExport(path, clients, options, 0, 0, 0755, ImmutableList.of());
  }

  /** Whether writes are refused: {@code ro}, or neither {@code rw} nor {@code ro} given (the default). */
  public boolean readOnly() {
    int rw = options.lastIndexOf("rw");
    int ro = options.lastIndexOf("ro");
    return rw < ro || rw < 0;
  }

  /** The squash rule in effect. */
  public Squash squash() {
    if (options.contains("all_squash")) {
      return Squash.ALL_SQUASH;
    } else if (options.contains("no_root_squash")) {
      return Squash.NO_ROOT_SQUASH;
    } else {
      return Squash.ROOT_SQUASH;
    }
  }

  /** The uid squashed callers get ({@code anonuid=}, default 65534). */
  public int anonUid() {
    return numericOption("anonuid=");
  }

  /** The gid squashed callers get ({@code anongid=}, default 65534). */
  public int anonGid() {
    return numericOption("anongid=");
  }

  private int numericOption(String prefix) {
    int value = NOBODY;
    for (String option : options) {
      if (option.startsWith(prefix)) {
        value = Integer.parseInt(option.substring(prefix.length()));
      }
    }
    return value;
  }

  /**
   * How the server sees a client process: {@code root_squash} maps uid 0 to anonuid and group 0
   * (primary or supplementary) to anongid; {@code all_squash} maps everyone to anonuid/anongid with no
   * further groups; {@code no_root_squash} keeps everyone as they are.
   */
  public CredentialsMapping mapping() {
    int anonUid = anonUid();
    int anonGid = anonGid();
    return switch (squash()) {
      case NO_ROOT_SQUASH -> CredentialsMapping.IDENTITY;
      case ALL_SQUASH -> caller -> new Credentials(anonUid, anonGid, ImmutableSortedSet.of(), caller.privileged());
      case ROOT_SQUASH -> caller -> {
        ImmutableSortedSet.Builder<Integer> groups = ImmutableSortedSet.naturalOrder();
        for (int group : caller.supplementaryGroups()) {
          groups.add(group == 0 ? anonGid : group);
        }
        return new Credentials(caller.uid() == 0 ? anonUid : caller.uid(), caller.gid() == 0 ? anonGid : caller.gid(),
            groups.build(), caller.privileged());
      };
    };
  }

  /** Whether a client at {@code address} (IPv4, or a host name) may mount this export. */
  public boolean clientAllowed(String address) {
    requireNonNull(address, "address is null");
    for (String client : clients) {
      if (ClientNetworks.matches(client, address)) {
        return true;
      }
    }
    return false;
  }
}
