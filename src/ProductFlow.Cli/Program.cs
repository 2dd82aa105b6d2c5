using ProductFlow.Cli;

return await ProductFlowCli.RunAsync(args).ConfigureAwait(false);
