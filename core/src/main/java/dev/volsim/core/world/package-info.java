/**
 * The world outside the API: the data Kubernetes' volume plugins act on.
 *
 * <p>{@link dev.volsim.core.world.FileTree} is an in-memory POSIX-like file system (directories,
 * regular files, symlinks, sockets, devices; modes and owners; a capacity) whose operations,
 * shared with {@link dev.volsim.core.world.MountNamespace} through
 * {@link dev.volsim.core.world.FileSystemView}, check {@link dev.volsim.core.world.Credentials} as
 * Linux does and fail with {@link dev.volsim.core.world.FsException}s carrying Linux's
 * {@link dev.volsim.core.world.Errno} texts. A {@code MountNamespace} composes trees into a
 * container's or node's view: read-only mounts, sub-path binds, mount propagation.
 *
 * <p>Backends: {@link dev.volsim.core.world.NodeDisk} and {@link dev.volsim.core.world.Tmpfs} on
 * nodes; {@link dev.volsim.core.world.NfsServer} with {@link dev.volsim.core.world.NfsExport}s (client
 * networks, ro/rw, squashing); {@link dev.volsim.core.world.BlockDevice}s formatted once;
 * {@link dev.volsim.core.world.GitServer} with {@link dev.volsim.core.world.GitRepository}s.
 *
 * <p>Everything is deterministic (sorted iteration, no clock, no static mutable state) and lazy: an
 * untouched tree is two objects.
 */
package dev.volsim.core.world;
