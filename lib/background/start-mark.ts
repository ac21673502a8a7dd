/**
 * Imported first by the background: the bundle's first statement marks when the worker's script
 * began to run, so the benchmark can tell Chromium's part of a cold start (starting the worker,
 * compiling the script) from ours (evaluating the modules, wiring the services).
 */
performance.mark('background-script-start');
