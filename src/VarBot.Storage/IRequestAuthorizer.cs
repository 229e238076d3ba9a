// Spec: Microsoft Learn, "Authorize requests to Azure Storage" (Shared Key and Microsoft Entra ID bearer tokens).
namespace VarBot.Storage;

/// <summary>Adds the Authorization header to a request that is otherwise complete (all x-ms-* headers set).</summary>
internal interface IRequestAuthorizer
{
    ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken);
}
