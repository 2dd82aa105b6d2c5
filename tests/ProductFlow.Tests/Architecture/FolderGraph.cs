using System.Text.RegularExpressions;

namespace ProductFlow.Tests.Architecture;

/// <summary>
/// Which top-level folders of a project's source refer to which, read from the source text: <c>using</c> directives
/// (plain, <c>static</c> and aliases), <c>global::</c> and fully qualified names (<c>ProductFlow.Rules.X</c>), and names
/// qualified from inside the root namespace (<c>Rules.KeyHash</c>, where <c>KeyHash</c> is a type or namespace of <c>Rules/</c>).
/// </summary>
/// <remarks>Comments and string literals are left out: they are not references. A folder's name is its namespace under the root.</remarks>
internal sealed partial class FolderGraph
{
    private readonly Dictionary<string, SortedDictionary<string, SortedSet<string>>> _edges = new(StringComparer.Ordinal);

    private FolderGraph(IReadOnlyList<string> folders) => Folders = folders;

    /// <summary>The top-level folders, in ordinal order.</summary>
    public IReadOnlyList<string> Folders { get; }

    /// <summary>Reads every <c>.cs</c> file under each top-level folder of <paramref name="projectDirectory"/> (<c>bin</c> and <c>obj</c> left out).</summary>
    public static FolderGraph Read(string projectDirectory, string rootNamespace)
    {
        var folders = Directory.GetDirectories(projectDirectory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name is not ("bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var sources = folders.ToDictionary(
            folder => folder,
            folder => Directory.EnumerateFiles(Path.Combine(projectDirectory, folder), "*.cs", SearchOption.AllDirectories)
                .Select(file => (File: Path.GetRelativePath(projectDirectory, file).Replace('\\', '/'), Code: Code(File.ReadAllText(file))))
                .ToList(),
            StringComparer.Ordinal);

        // The names each folder declares: its types and the namespaces below it (Rules.Checks -> "Checks").
        var declared = folders.ToDictionary(folder => folder, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (folder, files) in sources)
        {
            foreach (var (_, code) in files)
            {
                foreach (Match type in TypeDeclaration().Matches(code))
                {
                    declared[folder].Add(type.Groups[1].Value);
                }

                var ns = NamespaceDeclaration().Match(code);
                if (ns.Success && ns.Groups[1].Value.Split('.') is [var root, var top, var below, ..] && root == rootNamespace && top == folder)
                {
                    declared[folder].Add(below);
                }
            }
        }

        var graph = new FolderGraph(folders);
        var qualifiedRoot = new Regex(@"\b" + Regex.Escape(rootNamespace) + @"\.([A-Z]\w*)");
        foreach (var (folder, files) in sources)
        {
            foreach (var (file, code) in files)
            {
                foreach (Match reference in qualifiedRoot.Matches(code))
                {
                    graph.Add(folder, reference.Groups[1].Value, file);
                }

                foreach (Match reference in RelativeName().Matches(code))
                {
                    var target = reference.Groups[1].Value;
                    if (declared.TryGetValue(target, out var names) && names.Contains(reference.Groups[2].Value))
                    {
                        graph.Add(folder, target, file);
                    }
                }
            }
        }

        return graph;
    }

    /// <summary>The folders <paramref name="folder"/> refers to.</summary>
    public IReadOnlyCollection<string> DependenciesOf(string folder) =>
        _edges.TryGetValue(folder, out var targets) ? targets.Keys : [];

    /// <summary>The files of <paramref name="from"/> that refer to <paramref name="to"/>.</summary>
    public IReadOnlyCollection<string> Evidence(string from, string to) =>
        _edges.TryGetValue(from, out var targets) && targets.TryGetValue(to, out var files) ? files : [];

    /// <summary>
    /// One line per group of folders that depend on each other (a strongly connected component), naming a cycle through all of them
    /// and, for each step, a file that makes it: <c>Channels -> Rules (Channels/X.cs) -> Channels (Rules/Y.cs)</c>. Empty: no cycle.
    /// </summary>
    public IReadOnlyList<string> Cycles()
    {
        var cycles = new List<string>();
        foreach (var component in StronglyConnected().Where(c => c.Count > 1))
        {
            var members = component.ToHashSet(StringComparer.Ordinal);
            var path = CycleThrough(component.Min(StringComparer.Ordinal)!, members);
            var steps = path.Zip(path.Skip(1), (from, to) => $"{to} ({Evidence(from, to).First()})");
            cycles.Add($"{path[0]} -> {string.Join(" -> ", steps)}  [folders in the cycle: {string.Join(", ", component.Order(StringComparer.Ordinal))}]");
        }

        return cycles;
    }

    private void Add(string from, string to, string file)
    {
        if (from == to || !Folders.Contains(to, StringComparer.Ordinal))
        {
            return;
        }

        if (!_edges.TryGetValue(from, out var targets))
        {
            _edges[from] = targets = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        }

        if (!targets.TryGetValue(to, out var files))
        {
            targets[to] = files = new SortedSet<string>(StringComparer.Ordinal);
        }

        files.Add(file);
    }

    /// <summary>Tarjan's algorithm: the strongly connected components of the graph.</summary>
    private List<List<string>> StronglyConnected()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<List<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in DependenciesOf(node))
            {
                if (!index.TryGetValue(next, out var nextIndex))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], nextIndex);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                components.Add(component);
            }
        }

        foreach (var folder in Folders.Where(f => !index.ContainsKey(f)))
        {
            Visit(folder);
        }

        return components;
    }

    /// <summary>A shortest way from <paramref name="start"/> back to itself inside <paramref name="members"/>: start, ..., start.</summary>
    private List<string> CycleThrough(string start, HashSet<string> members)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var next in DependenciesOf(node).Where(members.Contains))
            {
                if (next == start)
                {
                    var path = new List<string> { start };
                    for (var at = node; at != start; at = previous[at])
                    {
                        path.Add(at);
                    }

                    path.Add(start);
                    path.Reverse();
                    return path;
                }

                if (previous.TryAdd(next, node))
                {
                    queue.Enqueue(next);
                }
            }
        }

        throw new InvalidOperationException($"no cycle through {start}");
    }

    /// <summary>The source without comments, string and character literals (their text is not a reference); interpolated strings are kept, for the code in their holes.</summary>
    private static string Code(string source) => Literals().Replace(source, match => match.Value[0] switch
    {
        '/' => " ",
        '$' => match.Value,
        _ => "\"\"",
    });

    // Comments, verbatim and raw strings, ordinary strings and characters, matched left to right so a "//" inside a string stays a string.
    [GeneratedRegex("""/\*[\s\S]*?\*/|//[^\n]*|\$*"{3,}[\s\S]*?"{3,}|\$?@"(?:[^"]|"")*"|\$?"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])+'""")]
    private static partial Regex Literals();

    [GeneratedRegex(@"\b(?:class|struct|interface|enum|record)\s+([A-Z]\w*)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    // Folder.Name not preceded by a dot or a word character: a member access such as definition.Channels.Count is not one.
    [GeneratedRegex(@"(?<![\w.])([A-Z]\w*)\.([A-Z]\w*)")]
    private static partial Regex RelativeName();
}
