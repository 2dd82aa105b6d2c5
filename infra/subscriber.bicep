// One subscriber of ProductFlow's event topic (deployed by main.bicep): a webhook that receives the CloudEvents, with
// retries for a day and dead-lettering to the storage account's deadletter container (Event Grid drops undeliverable
// events otherwise). The topic writes dead letters with its own identity (main.bicep grants it that container only).
// az deployment group create --resource-group <rg> --template-file infra/subscriber.bicep \
//   --parameters topicName=<eventTopicName> storageAccountName=<storageAccountName> name=<partner> endpointUrl=<https://...>
targetScope = 'resourceGroup'

@description('The topic: the eventTopicName output of main.bicep.')
param topicName string

@description('The storage account of the deadletter container: the storageAccountName output of main.bicep.')
param storageAccountName string

@description('The subscription\'s name, e.g. the subscriber\'s.')
@minLength(3)
@maxLength(64)
param name string

@description('The webhook; it must answer Event Grid\'s validation handshake. A URL may carry a key, hence secure.')
@secure()
param endpointUrl string

@description('Only these event types (e.g. ProductFlow.Export.Published); empty for all.')
param eventTypes array = []

@description('Delivery attempts before an event is dead-lettered.')
@minValue(1)
@maxValue(30)
param maxDeliveryAttempts int = 30

@description('Minutes an event is retried before it is dead-lettered.')
@minValue(1)
@maxValue(1440)
param eventTimeToLiveInMinutes int = 1440

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource topic 'Microsoft.EventGrid/topics@2025-02-15' existing = {
  name: topicName
}

resource subscription 'Microsoft.EventGrid/topics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: name
  properties: {
    eventDeliverySchema: 'CloudEventSchemaV1_0'
    destination: {
      endpointType: 'WebHook'
      properties: { endpointUrl: endpointUrl }
    }
    filter: empty(eventTypes) ? {} : { includedEventTypes: eventTypes }
    retryPolicy: { maxDeliveryAttempts: maxDeliveryAttempts, eventTimeToLiveInMinutes: eventTimeToLiveInMinutes }
    deadLetterWithResourceIdentity: {
      identity: { type: 'SystemAssigned' }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: account.id
          blobContainerName: 'deadletter'
        }
      }
    }
  }
}

output id string = subscription.id
