using JasperFx.CodeGeneration;

namespace QuartierPflege.Host.Composition;

/// <summary>
/// How Wolverine gets its handler adapters. A build with <c>-p:QpPregenerated=true</c> (ops/test, ops/run, ops/bench,
/// each right after <c>Host codegen write</c>) compiles the generated code in <c>Internal/Generated</c> into the Host and
/// loads it statically: fast first calls, no Roslyn at run time. Any other build ignores that folder and generates at
/// first use, so code generated for an older handler can never be used by mistake.
/// </summary>
internal static class GeneratedCode
{
#if QP_PREGENERATED
    public const TypeLoadMode TypeLoadMode = JasperFx.CodeGeneration.TypeLoadMode.Static;
#else
    public const TypeLoadMode TypeLoadMode = JasperFx.CodeGeneration.TypeLoadMode.Dynamic;
#endif
}
