/**
 * The {@code volsim} command line: {@link dev.volsim.cli.VolsimCli} is the entry point (the main
 * class of the runnable jar behind {@code ./volsim}); each subcommand is a small class here.
 *
 * <p>Exit codes, a public contract (see {@link dev.volsim.cli.ExitCodes}): 0 success, 1 invalid
 * input, 2 usage error or unreadable input, 3 internal error.
 */
package dev.volsim.cli;
