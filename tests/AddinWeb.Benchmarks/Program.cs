using AddinWeb.Benchmarks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// "pipeline-stages" splits the analyze pipeline into its stages (fastest wall time and allocations of each).
if (args is ["pipeline-stages", .. var pipelineSizes])
{
    PipelineStages.Print(pipelineSizes.Length > 0 ? pipelineSizes.Select(int.Parse).ToArray() : [20, 1_000, 20_000, 100_000]);
    return;
}

// "stages" times each stage of the upload path (where it spends beyond ClosedXML's open and save).
if (args is ["stages", .. var stageSizes])
{
    UploadStages.Print(stageSizes.Length > 0 ? stageSizes.Select(int.Parse).ToArray() : [20, 1_000, 20_000]);
    return;
}

// "sizes" prints the request and response bytes per connection row and what the response is made of.
if (args is ["sizes", .. var payloadSizes])
{
    PayloadSizes.Print(payloadSizes.Length > 0 ? payloadSizes.Select(int.Parse).ToArray() : [20, 1_000, 20_000, 100_000]);
    return;
}

// Anything else is handed to BenchmarkDotNet (e.g. --filter '*Pipeline*').
// One ShortRun-style job (1 launch, 3 warm-up and 3 measured iterations), run in this process (no generated
// project to build, which takes minutes on a busy two-core machine), keeps the whole suite within about fifteen
// minutes. Pass --job (e.g. --job medium) for BenchmarkDotNet's own out-of-process jobs instead.
IConfig config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
if (!args.Contains("--job") && !args.Contains("-j"))
    config = config.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun-InProcess"));
BenchmarkSwitcher.FromAssembly(typeof(Pipeline).Assembly).Run(args, config);
