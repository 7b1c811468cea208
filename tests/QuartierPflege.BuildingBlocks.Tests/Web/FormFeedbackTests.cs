using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;
using NodaTime;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.BuildingBlocks.Tests.Web;

public sealed class FormFeedbackTests
{
    private enum Colour
    {
        Red,
        Blue,
    }

    [Fact]
    public void Dates_are_read_as_a_date_input_sends_them_or_as_typed_the_German_way()
    {
        var forms = new FormFeedback();

        Assert.Equal(new LocalDate(2026, 3, 2), forms.Date("dueOn", "2026-03-02"));
        Assert.Equal(new LocalDate(2026, 3, 2), forms.Date("dueOn", " 2.3.2026 "));
        Assert.Null(forms.Date("dueOn", "  "));
        Assert.False(forms.HasErrors);
    }

    [Fact]
    public void An_unreadable_value_gets_its_own_German_message_and_the_use_cases_message_for_that_field_is_left_out()
    {
        var forms = new FormFeedback();
        Assert.Null(forms.Date("dateOfBirth", "31.02.1940"));
        Assert.Null(forms.Choice<Colour>("colour", "1", "Bitte wählen Sie eine Farbe aus der Liste."));
        var modelState = new ModelStateDictionary();

        forms.CopyTo(
            Outcome<Guid>.Invalid(new Dictionary<string, string[]>
            {
                ["dateOfBirth"] = ["Bitte geben Sie das Geburtsdatum an."],
                ["lastName"] = ["Bitte geben Sie den Nachnamen an."],
            }),
            modelState,
            "Input");

        Assert.Equal("Bitte geben Sie ein gültiges Datum ein (TT.MM.JJJJ).", modelState.MessagesFor("Input.DateOfBirth"));
        Assert.Equal("Bitte wählen Sie eine Farbe aus der Liste.", modelState.MessagesFor("Input.Colour"));
        Assert.Equal("Bitte geben Sie den Nachnamen an.", modelState.MessagesFor("Input.LastName"));
    }

    [Fact]
    public void Choices_are_names_of_the_list_never_numbers_or_unknown_names()
    {
        var forms = new FormFeedback();

        Assert.Equal(Colour.Blue, forms.Choice<Colour>("colour", "Blue", "x"));
        Assert.Null(forms.Choice<Colour>("a", "-1", "x"));
        Assert.Null(forms.Choice<Colour>("b", "Green", "x"));
        Assert.Equal(["a", "b"], forms.Errors.Keys.Order());
    }

    [Fact]
    public void A_conflict_or_denial_becomes_a_message_of_the_whole_form()
    {
        var conflict = new ModelStateDictionary();
        var denied = new ModelStateDictionary();

        new FormFeedback().CopyTo(Outcome<int>.Conflict("Gleichzeitig geändert."), conflict, "Input");
        new FormFeedback().CopyTo(Outcome<int>.Denied(), denied, _ => "ignored");

        Assert.Equal("Gleichzeitig geändert.", conflict.MessagesFor(string.Empty));
        Assert.Equal("Der Eintrag wurde nicht gefunden.", denied.MessagesFor(string.Empty));
    }

    [Fact]
    public void On_a_page_of_several_forms_only_the_posted_form_shows_what_was_typed_and_its_messages()
    {
        var posted = new FormCollection(new Dictionary<string, StringValues>
        {
            ["title"] = " Anrufen ",
            ["hours"] = "acht",
            ["shareContact"] = new(["true", "false"]),
        });
        var forms = new FormFeedback("step-1", posted);

        Assert.Null(forms.Int("hours"));
        forms.Add(Outcome<int>.Invalid("title", "Der Titel darf höchstens 200 Zeichen lang sein."));

        Assert.Equal("Anrufen", forms.Text("title"));
        Assert.True(forms.Bool("shareContact"));
        Assert.Equal(" Anrufen ", forms.Value("step-1", "title", "gespeichert"));
        Assert.Equal("gespeichert", forms.Value("step-2", "title", "gespeichert"));
        Assert.Equal("Bitte geben Sie eine ganze Zahl ein.", forms.Error("step-1", "hours"));
        Assert.Null(forms.Error("step-2", "hours"));
        Assert.True(forms.IsActive("step-1"));
        Assert.False(forms.IsActive("step-2"));
        Assert.Equal(2, forms.Messages("step-1").Count());
        Assert.Equal("step-1-referral-partnerId", FormFeedback.Id("step-1", "referral.partnerId"));
    }
}
