namespace ProductFlow.Access;

/// <summary>Who holds a key: a partner pulls channel exports, a supplier uploads feeds, a user signs in to the console.</summary>
public enum PrincipalKind
{
    Partner,
    Supplier,
    User,
}
