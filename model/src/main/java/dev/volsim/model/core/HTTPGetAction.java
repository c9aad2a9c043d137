package dev.volsim.model.core;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;
import dev.volsim.model.IntOrString;

/**
 * An HTTP GET against the container.
 *
 * @param path the path (default "/")
 * @param port the port number or name
 * @param host the host (default the Pod IP)
 * @param scheme HTTP (default) or HTTPS
 * @param httpHeaders extra headers
 */
public record HTTPGetAction(String path, IntOrString port, String host, String scheme, ImmutableList<HTTPHeader> httpHeaders) {
  public HTTPGetAction {
    // SetDefaults_HTTPGetAction
    path = path == null || path.isEmpty() ? "/" : path;
    scheme = scheme == null || scheme.isEmpty() ? "HTTP" : scheme;
    httpHeaders = Immutables.list(httpHeaders);
  }

  /** @param name header name @param value header value */
  public record HTTPHeader(String name, String value) {}
}
