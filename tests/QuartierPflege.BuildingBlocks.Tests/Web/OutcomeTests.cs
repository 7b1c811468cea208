using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.BuildingBlocks.Tests.Web;

public sealed class OutcomeTests
{
    [Fact]
    public void A_denied_record_is_an_unknown_one_to_the_API()
    {
        var result = Outcome<int>.Denied("Die Bewohnerin bzw. der Bewohner wurde nicht gefunden.").ToHttpResult(TypedResults.Ok);

        var problem = Assert.IsType<ProblemHttpResult>(result);
        Assert.Equal(StatusCodes.Status404NotFound, problem.StatusCode);
        Assert.Equal("Die Bewohnerin bzw. der Bewohner wurde nicht gefunden.", problem.ProblemDetails.Detail);
    }

    [Fact]
    public void A_refusal_passes_on_to_another_value_type_with_its_kind_and_message()
    {
        var refusal = Outcome<string>.Denied("nicht da").Refusal<int>();

        Assert.Equal((OutcomeKind.Denied, "nicht da"), (refusal.Kind, refusal.Message));
        Assert.Throws<InvalidOperationException>(() => Outcome<string>.Done("x").Refusal<int>());
    }
}
