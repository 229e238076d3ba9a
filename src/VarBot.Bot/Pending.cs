// Temporary stand-ins until the storage, answering and cards branches land; removed on merge.
namespace VarBot.Bot
{
    public static class KnowledgeWiring
    {
        public static IServiceCollection AddVarBotKnowledge(this IServiceCollection services, IConfiguration configuration) =>
            throw new NotSupportedException("Knowledge wiring lands with the storage branch.");
    }
}

namespace VarBot.Bot.Agenda
{
    internal static class AgendaEndpoints
    {
        public static IEndpointRouteBuilder MapAgenda(this IEndpointRouteBuilder endpoints) => endpoints;
    }
}
