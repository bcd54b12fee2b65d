namespace Suifang.Core.Security;

/// Where the field-encryption master key comes from: configuration (Suifang:Security:FieldKey, Base64)
/// or, on first start, a new random key written to {DataDirectory}/keys/field.key readable by the owner only.
public static class FieldKeyStore
{
    public static byte[] LoadOrCreate(string? configuredBase64, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configuredBase64))
            return Convert.FromBase64String(configuredBase64);

        var path = Path.Combine(dataDirectory, "keys", "field.key");
        if (File.Exists(path))
            return Convert.FromBase64String(File.ReadAllText(path).Trim());

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = SensitiveDataProtector.NewMasterKey();
        File.WriteAllText(path, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }
}
