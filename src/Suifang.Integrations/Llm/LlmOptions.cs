namespace Suifang.Integrations.Llm;

/// The optional language model (configuration section "Llm"); with no Endpoint nothing uses it.
internal sealed class LlmOptions
{
    public const string Section = "Llm";

    /// OpenAI-compatible base address, e.g. http://llm.hospital.local:8000/v1 (vLLM, Ollama, Xinference, …).
    public string? Endpoint { get; set; }
    public string? Model { get; set; }
    public string? ApiKey { get; set; }
    public int TimeoutSeconds { get; set; } = 10;
    /// Ask for output that follows the JSON schema (response_format json_schema); false asks only for a JSON object,
    /// for servers that do not support schemas. Either way the reply is checked against the schema.
    public bool UseJsonSchema { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);
}
